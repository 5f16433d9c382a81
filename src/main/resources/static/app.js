// Progress bars of the planning and applying pages: poll the plan's progress, reload when its state moves on.
document.addEventListener('DOMContentLoaded', () => {
  const box = document.querySelector('[data-progress]');
  if (!box) {
    return;
  }
  const bar = document.getElementById('bar');
  const text = document.getElementById('progress-text');
  const planning = box.id === 'planning';
  const poll = async () => {
    const response = await fetch(box.dataset.progress, {headers: {'Accept': 'application/json'}});
    if (!response.ok) {
      text.textContent = 'The server did not answer (' + response.status + '); retrying.';
      setTimeout(poll, 2000);
      return;
    }
    const p = await response.json();
    if ((planning && p.state !== 'PLANNING') || (!planning && p.state !== 'APPLYING')) {
      window.location.reload();
      return;
    }
    if (planning) {
      bar.max = Math.max(1, p.customersToPlan);
      bar.value = p.customersPlanned;
      text.textContent = p.rowsRead + ' rows read, ' + p.customersPlanned + ' of ' + p.customersToPlan
          + ' customers planned';
    } else {
      bar.max = Math.max(1, p.usersToApply);
      bar.value = p.usersApplied;
      text.textContent = (p.waitingFor ? 'Waiting for the store: ' + p.waitingFor + ' ' : '')
          + p.usersApplied + ' of ' + p.usersToApply + ' users applied';
    }
    setTimeout(poll, 500);
  };
  poll();
});
