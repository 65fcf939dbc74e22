// How bytes (a saved search index, #16) travel over the browser host's HTTP, named once for
// both ends (src/web/binary-bodies.ts, src/renderer/src/api/binary-bodies.ts): arguments
// holding a Uint8Array in `bytes` go as an application/octet-stream body with the other
// arguments as encodeURIComponent'd JSON in the x-glossa-args header; a result holding one
// comes back the same way (x-glossa-result).

export const BINARY_TYPE = 'application/octet-stream'
export const ARGS_HEADER = 'x-glossa-args'
export const RESULT_HEADER = 'x-glossa-result'
