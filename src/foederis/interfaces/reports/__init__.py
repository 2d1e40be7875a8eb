"""Reports rendered from answers: the claim check and the scenario run, in the terminal and as one
self-contained HTML page each (templates in `templates/`, the environment in `interfaces.templating`)."""
