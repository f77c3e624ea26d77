// One machine's sandbox plan input, shared by the tests of the plan and of the bubblewrap and sandbox-exec command
// lines made from it, so each of them reads the same hidden and read-only places.
export const PLAN_INPUT = {
  home: '/home/u',
  cwd: '/home/u/proj',
  env: {},
  dataDir: '/home/u/.config/Gatehouse',
  runtimeDirs: ['/run/user/1000/gatehouse-1000-abc', '/run/user/1000/gatehouse-1000-abc'],
  gateSocket: '/run/user/1000/gatehouse-1000-abc/gate.sock',
  ownFiles: ['/tmp/gatehouse-run-x', '/opt/gatehouse/shell-integration'],
};
