// Loaded with --import: the file system fails as a full disk, a folder without write access or a read-only mount
// would, for the files under FS_FAULT_PATH. Tests run as root on CI, and root writes where permissions say it may
// not, so a chmod'ed folder proves nothing there; this fails the calls themselves, with Node's own error shape.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const code = process.env.FS_FAULT;
const under = process.env.FS_FAULT_PATH;
/** ENOSPC: the writes to those files that succeed before the disk is full */
const room = Number(process.env.FS_FAULT_AFTER ?? 0);
const WHAT = {
  ENOSPC: [-28, 'no space left on device'],
  EACCES: [-13, 'permission denied'],
  EROFS: [-30, 'read-only file system'],
};

function fault(syscall, path) {
  const [errno, what] = WHAT[code];
  const where = path === undefined ? '' : ` '${path}'`;
  return Object.assign(new Error(`${code}: ${what}, ${syscall}${where}`), { code, errno, syscall, path });
}

const writable = (flags) =>
  typeof flags === 'string' ? /[wa+]/.test(flags) : (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR)) !== 0;

if (code in WHAT && under) {
  const { openSync, writeSync, closeSync } = fs;
  const watched = new Set();
  let writes = 0;
  fs.openSync = (path, flags = 'r', mode) => {
    const hit = String(path).startsWith(under) && writable(flags);
    // No write access and a read-only mount refuse the open; a full disk still opens, and fails the write.
    if (hit && code !== 'ENOSPC') throw fault('open', String(path));
    const fd = openSync(path, flags, mode);
    if (hit) watched.add(fd);
    return fd;
  };
  fs.writeSync = (fd, ...rest) => {
    if (watched.has(fd) && ++writes > room) throw fault('write');
    return writeSync(fd, ...rest);
  };
  fs.closeSync = (fd) => {
    watched.delete(fd);
    return closeSync(fd);
  };
  syncBuiltinESMExports();
}
