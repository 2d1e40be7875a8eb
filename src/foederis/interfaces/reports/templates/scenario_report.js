function filterChanges(){
  const q=document.getElementById('change-filter').value.toLowerCase();
  const only=document.getElementById('only-scenario').checked;
  let shown=0;
  document.querySelectorAll('#changes tbody tr').forEach(tr=>{
    const ok=tr.textContent.toLowerCase().includes(q)&&(!only||tr.dataset.origin==='scenario');
    tr.style.display=ok?'':'none'; if(ok) shown++;
  });
  document.getElementById('change-count').textContent=shown+' shown';
}
