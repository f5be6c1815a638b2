// Fixed identifiers of the mock world (re-exported by db.ts). Kept in their own module so factories, scenarios and
// handlers can share them without import cycles.

import type { ResultUser } from './types'

export const DEMO_CUSTOMER = { id: '5a7360736124f504534a15f9', name: 'demo', display_name: 'Demo Org' } as const
export const ACME_CUSTOMER = { id: '5a7360736124f504534a1700', name: 'acme', display_name: 'Acme Corp' } as const

export const USER_IDS = {
  /** jane, the demo user ("who am I" in the dashboard) */
  jane: '5a7360736124f504534a15fa',
  /** the agent's bot user, written into result.user by agents */
  agent: '5a7360736124f504534a1600',
  victor: '5a7360736124f504534a1601',
  rootAdmin: '5a7360736124f504534a1602',
  bob: '5a7360736124f504534a1603',
} as const

export const DEMO_USER_ID = USER_IDS.jane

export const TOKENS = {
  /** jane @ demo, credential manager (non-admin) */
  demo: 'demo-token',
  /** victor @ demo, credential viewer */
  viewer: 'viewer-token',
  /** root-admin @ demo, credential admin */
  admin: 'admin-token',
  /** jane @ acme, credential manager */
  otherOrg: 'other-org-token',
  /** agent-demo @ demo, credential agent */
  agent: 'agent-token',
  /** bob @ demo, credential user */
  bob: 'bob-token',
} as const

export const HOST_IDS = {
  web01: '5ab126a96bbc30101fb55d82',
  db01: '5ab126a96bbc30101fb55d83',
  db02: '5ab126a96bbc30101fb55d84',
  worker01: '5ab126a96bbc30101fb55d85',
  acme01: '5ab126a96bbc30101fb55d90',
} as const

export const TASK_IDS = {
  backupDb: '65f1bf002a9b4c0012ab3300',
  rotateLogs: '65f1bf002a9b4c0012ab3301',
  syncInventory: '65f1bf002a9b4c0012ab3302',
  deployWeb: '65f1bf002a9b4c0012ab3303',
  cleanupTmp: '65f1bf002a9b4c0012ab3304',
  checkHomepage: '65f1bf002a9b4c0012ab3305',
  generateReport: '65f1bf002a9b4c0012ab3306',
  notifyOncall: '65f1bf002a9b4c0012ab3307',
  collectTicket: '65f1bf002a9b4c0012ab3308',
  approveDeploy: '65f1bf002a9b4c0012ab3309',
  approveRefund: '65f1bf002a9b4c0012ab330a',
  approveVendor: '65f1bf002a9b4c0012ab330b',
  acmeHealth: '65f1bf002a9b4c0012ab3380',
} as const

export const WORKFLOW_IDS = {
  releasePipeline: '65f1c1002a9b4c0012ab3500',
} as const

export const SCRIPT_IDS = {
  backup: '65f1be802a9b4c0012ab32f0',
  rotate: '65f1be802a9b4c0012ab32f1',
  sync: '65f1be802a9b4c0012ab32f2',
  deploy: '65f1be802a9b4c0012ab32f3',
  cleanup: '65f1be802a9b4c0012ab32f4',
  report: '65f1be802a9b4c0012ab32f5',
  acme: '65f1be802a9b4c0012ab32f6',
} as const

export const AGENT_RESULT_USER: ResultUser = {
  email: 'agent-demo@theeye.io',
  username: 'agent-demo',
  id: USER_IDS.agent,
}

/**
 * A 24-hex ObjectId-like id. The first 8 hex digits grow with the creation time relative to the world's `now`
 * (so `_id` order == creation order, which makes `where[_id][$lt]` cursor paging consistent), the last 16 are a
 * serial. Pure, so special jobs can have ids that are constants independent of `now`.
 */
export function objectId(relSeconds: number, serial: number): string {
  const t = (0x65f00000 + Math.floor(relSeconds)) >>> 0
  return t.toString(16).padStart(8, '0') + serial.toString(16).padStart(16, '0')
}

// Serial ranges for well-known jobs (generated jobs use serials from 1 upwards).
const RUNAWAY_SERIAL = 0xa00000
const APPROVAL_SERIAL = 0xb00000
const FAULT_SERIAL = 0xc00000
const HOSTILE_SERIAL = 0xd00000
const SPECIAL_SERIAL = 0xe00000

/**
 * Ids of well-known jobs from their ages: the n-th entry (from 1) gets serial `serial + n` and a
 * time `ages[key]` seconds before the world's `now`.
 */
function idsByAge<T extends Record<string, number>>(serial: number, ages: T): { readonly [K in keyof T]: string } {
  return Object.fromEntries(Object.entries(ages).map(([key, age], i) => [key, objectId(-age, serial + i + 1)])) as { readonly [K in keyof T]: string }
}

/** Creation offsets (seconds before `now`) of the well-known jobs; used by scenarios.ts to build them. */
export const RUNAWAY_AGES = {
  /** Backup DB, timeout 600000 (10 min), assigned 45 min ago */
  pastTimeout: 45 * 60,
  /** Sync inventory: finished runs take ~30 s, this one has been assigned 20 min (timeout 1 h) */
  pastMedian: 20 * 60,
  /** Rotate logs on db-02 (agent down): ready for 2 h */
  queuedTooLong: 2 * 60 * 60,
} as const

export const RUNAWAY_JOB_ID_MAP = idsByAge(RUNAWAY_SERIAL, RUNAWAY_AGES)

export const RUNAWAY_JOB_IDS: readonly string[] = Object.values(RUNAWAY_JOB_ID_MAP)

/** Ages (seconds) of the approvals; index i -> APPROVAL_JOB_IDS[i]. */
export const APPROVAL_AGES = [3 * 60, 25 * 60, 2 * 3600, 5 * 3600, 26 * 3600, 40 * 60] as const

/** Onhold ApprovalJobs whose approvers include jane (the demo user). */
export const APPROVAL_JOB_IDS = idsByAge(APPROVAL_SERIAL, {
  deployDefaultLabels: APPROVAL_AGES[0],
  refundShipIt: APPROVAL_AGES[1],
  refundLarge: APPROVAL_AGES[2],
  deployHotfix: APPROVAL_AGES[3],
  refundOld: APPROVAL_AGES[4],
  /** the ApprovalJob inside the running WorkflowJob "Release pipeline" */
  workflowStep: APPROVAL_AGES[5],
})

export const APPROVAL_JOB_IDS_FOR_DEMO_USER: readonly string[] = Object.values(APPROVAL_JOB_IDS)

/** Onhold ApprovalJob whose approvers do NOT include jane (only bob). */
export const FOREIGN_APPROVAL_JOB_ID = objectId(-50 * 60, APPROVAL_SERIAL + 20)

export const SPECIAL_JOB_IDS = idsByAge(SPECIAL_SERIAL, {
  /** the WorkflowJob "Release pipeline", lifecycle started */
  workflowJob: 42 * 60,
  /** child 0 of the workflow: Deploy web, finished */
  workflowDeploy: 41 * 60,
  /** "Collect ticket data" DummyJobs onhold waiting for input */
  inputDummy: 15 * 60,
  inputDummy2: 3 * 3600,
  /** "Cleanup tmp" ScriptJob onhold waiting for input */
  inputScript: 30 * 60,
  /** assigned jobs well within their normal time */
  assignedBackup: 8,
  assignedReport: 5,
  /** ready jobs queued a few seconds */
  readyCleanup: 4,
  readyScraper: 2,
  syncing: 90,
  locked: 300,
  /** an approval already decided: approve/reject answer 409 */
  decidedApproval: 6 * 3600,
  /** a finished Backup DB run (restart target) */
  finishedBackup: 4 * 3600,
  /** finished Deploy web run whose task has a masked argument */
  finishedDeploy: 7 * 3600,
})

export const FAULT_JOB_IDS = idsByAge(FAULT_SERIAL, {
  /** GET -> 401 "Unauthorized" */
  unauthorized: 60,
  /** GET -> 401 {stack,message:"authentication failed",name,body,statusCode:401} */
  authFailed: 61,
  /** GET -> 409 {stack,message:"Incorrect Organizations. Session conflict",statusCode:409} */
  sessionConflict: 62,
  /** GET -> 403 "forbidden" */
  forbidden: 63,
  /** GET -> 404 {statusCode:404,message:"job not found",errors:[]} */
  notFoundObject: 64,
  /** GET -> 404 {code:"ResourceNotFound",message:"... does not exist"} */
  resourceNotFound: 65,
  /** GET -> 500 "Internal Server Error" */
  serverError: 66,
  /** GET -> 502 text/html "<html>Bad gateway</html>" */
  badGateway: 67,
  /** GET never answers */
  hang: 68,
  /** GET -> network error (HttpResponse.error()) */
  networkError: 69,
  /** PUT .../cancel -> 403 {statusCode:403,message:"Job is not cancellable"} (for every caller) */
  cancelForbidden: 70,
})

export const HOSTILE_JOB_IDS = {
  ...idsByAge(HOSTILE_SERIAL, {
    xssName: 100,
    scriptTagName: 101,
    rtlName: 102,
    longName: 103,
    controlChars: 104,
    missingName: 105,
    zombieLifecycle: 106,
    outputString: 107,
    outputObject: 108,
    outputNull: 109,
    noResult: 110,
    badDate: 111,
    argsNotArray: 112,
    numericName: 113,
    hugeLog: 114,
    hugeOutput: 115,
    secrets: 116,
    /** an output string holding a 6,000-deep JSON array */
    deepOutput: 117,
    /** 100,000 output items */
    manyOutputs: 118,
    /** 100,000 argument values */
    manyArguments: 119,
    /** zero-width and bidi marks in the name */
    invisibleName: 120,
  }),
  /** not an ObjectId: a path that, unencoded in a link, leads to the approvals inbox */
  craftedId: '../approvals?view=decided',
} as const

/** The name of the job with invisible marks, and how it reads once they are removed. */
export const INVISIBLE_NAME = {
  raw: 'Pay\u200Broll \u202Efdp.exe\u202C\u2066 run\u2069\uFEFF',
  shown: 'Payroll fdp.exe run',
} as const

export const HOSTILE_SECRETS = {
  envPassword: 'hunter2-secret-value',
  maskedArgument: 'masked-secret-value',
} as const

export const XSS_PAYLOADS = {
  img: '<img src=x onerror="window.__xss=1">',
  script: '<script>window.__xss=1</script>',
} as const
