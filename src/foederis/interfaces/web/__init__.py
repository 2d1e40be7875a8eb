"""The web pages: server-rendered (Jinja2) with a little JavaScript, served by the HTTP app."""
