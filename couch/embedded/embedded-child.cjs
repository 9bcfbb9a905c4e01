// Runs pouchdb-server inside a child that exits when its parent goes away (the IPC channel closes),
// so a crashed sync-server never leaves an orphan holding the LevelDB lock and the port.
process.on('disconnect', () => process.exit(0));
require('./embedded-fixes.cjs');
process.argv = [process.argv[0], require.resolve('pouchdb-server/bin/pouchdb-server'), ...process.argv.slice(2)];
require('pouchdb-server/bin/pouchdb-server');
