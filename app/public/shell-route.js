// Runs while index.html is parsed, before the first paint: the course list's static heading stays
// only when the link opens the course list. A file, not an inline script, so the CSP needs no exception.
if (!/^(#\/?)?(\?.*)?$/.test(location.hash)) document.getElementById('shell-courses').remove();
