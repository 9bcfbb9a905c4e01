// Runs before the app's script, in index.html: the course list's heading stays only when the link opens the course list.
if (!/^(#\/?)?(\?.*)?$/.test(location.hash)) document.getElementById('shell-courses').remove();
