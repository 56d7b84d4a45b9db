// "/" focuses the header search box unless the reader is already typing somewhere.
document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target as HTMLElement | null;
  if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
  const input = document.getElementById('site-search-input') as HTMLInputElement | null;
  if (!input) return;
  event.preventDefault();
  input.focus();
});
