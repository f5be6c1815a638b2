// Tasks for the run form (issue 14): one with an argument of every type (with a gap in the orders,
// a fixed value in the middle, numeric option ids, a multiple select, a file, a remote-options
// endpoint served by the mock and a masked value), one whose remote options fail, one on the bot
// that stopped reporting (db-02) and an approval. Their remote endpoints: handlers/run-tasks.ts.

import { buildTask } from '../seed/tasks'
import { HOST_IDS, USER_IDS } from '../ids'
import type { TaskDoc } from '../types'
import { DEMO_ACL as ACL } from './world'

export const RUN_TASK_IDS = {
  everyType: '65f1bf002a9b4c0012ab3a01',
  brokenOptions: '65f1bf002a9b4c0012ab3a02',
  stoppedBot: '65f1bf002a9b4c0012ab3a03',
  approveAccess: '65f1bf002a9b4c0012ab3a04',
} as const

/** Remote-options endpoints (same origin as the dashboard, so the production CSP allows them). */
export const REMOTE_OPTIONS_PATHS = {
  teams: '/mock/options/teams',
  broken: '/mock/options/broken',
} as const

export const REMOTE_TEAMS = [
  { code: 'T-OPS', name: 'Operations', size: 12 },
  { code: 'T-DEV', name: 'Development', size: 30 },
  { code: 'T-FIN', name: 'Finance', size: 5 },
]

const secret = (n: number) => `${n.toString(16).padStart(2, '0')}`.repeat(32)

export function runTasks(): TaskDoc[] {
  return [
    buildTask({
      id: RUN_TASK_IDS.everyType,
      name: 'Provision account',
      type: 'script',
      hostId: HOST_IDS.web01,
      acl: ACL,
      secret: secret(0xa1),
      args: [
        { id: 1, order: 0, type: 'input', label: 'username', required: true, charset: 'alnum', charsmin: 3, charsmax: 16, help: 'Letters and digits, 3 to 16' },
        { id: 2, order: 1, type: 'fixed', label: 'region', value: 'eu-west-1', readonly: true },
        { id: 3, order: 2, type: 'textarea', label: 'welcome message', required: false, charsmax: 500 },
        { id: 4, order: 3, type: 'boolean', label: 'send welcome email', required: false },
        { id: 5, order: 4, type: 'json', label: 'settings', required: true, help: 'A JSON object, e.g. {"quota": 10}' },
        {
          id: 6,
          order: 5,
          type: 'select',
          label: 'plan',
          required: true,
          options: [
            { id: 1, label: 'Starter' },
            { id: 2, label: 'Pro' },
          ],
        },
        {
          id: 7,
          order: 6,
          type: 'select',
          label: 'groups',
          required: false,
          multiple: true,
          options: [
            { id: 'ops', label: 'Ops' },
            { id: 'dev', label: 'Dev' },
            { id: 'finance', label: 'Finance' },
          ],
        },
        { id: 8, order: 7, type: 'date', label: 'start date', required: true },
        { id: 9, order: 8, type: 'email', label: 'contact email', required: true },
        { id: 10, order: 9, type: 'regexp', label: 'allowed hosts', required: false, help: 'A regular expression' },
        { id: 11, order: 10, type: 'file', label: 'avatar', required: false },
        {
          id: 12,
          order: 11,
          type: 'remote-options',
          label: 'team',
          required: true,
          endpoint_url: REMOTE_OPTIONS_PATHS.teams,
          id_attribute: 'code',
          text_attribute: 'name',
        },
        // order 12 is unused on purpose: the body must keep every value at its order.
        { id: 13, order: 13, type: 'input', label: 'initial password', required: true, masked: true, charsmin: 8 },
      ],
      extra: { timeout: 300000, tags: ['accounts', 'onboarding'], description: 'Create a user account on the web cluster' },
    }),
    buildTask({
      id: RUN_TASK_IDS.brokenOptions,
      name: 'Sync CRM contacts',
      type: 'script',
      hostId: HOST_IDS.worker01,
      acl: ACL,
      secret: secret(0xa2),
      args: [
        {
          id: 1,
          order: 0,
          type: 'remote-options',
          label: 'segment',
          required: true,
          endpoint_url: REMOTE_OPTIONS_PATHS.broken,
          id_attribute: 'id',
          text_attribute: 'title',
        },
      ],
      extra: { timeout: 900000, tags: ['crm'] },
    }),
    buildTask({
      id: RUN_TASK_IDS.stoppedBot,
      name: 'Restore archive',
      type: 'script',
      hostId: HOST_IDS.db02,
      acl: ACL,
      secret: secret(0xa3),
      args: [{ id: 1, order: 0, type: 'input', label: 'archive', required: true, help: 'Archive name, e.g. 2026-11-30.tar.gz' }],
      extra: { timeout: 1800000, tags: ['backups'] },
    }),
    buildTask({
      id: RUN_TASK_IDS.approveAccess,
      name: 'Approve access request',
      type: 'approval',
      acl: ACL,
      secret: secret(0xa4),
      args: [{ id: 1, order: 0, type: 'input', label: 'requested by', required: true }],
      extra: { approvers: [USER_IDS.jane, USER_IDS.bob], tags: ['accounts'] },
    }),
  ]
}
