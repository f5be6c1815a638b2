// The tasks of the demo organization (and of Acme Corp, the second organization jane belongs to).

import { ACME_CUSTOMER, HOST_IDS, SCRIPT_IDS, TASK_IDS, USER_IDS } from '../ids'
import type { TaskDoc } from '../types'
import { type Rng } from '../seed/random'
import { buildTask, scriptFile, selectArg, type TaskSpec } from '../seed/tasks'
import { DEMO_ACL } from './world'

/** Task secrets (for `POST /job/secret/:secret`), 64 hex chars each. */
export const TASK_SECRETS: Record<string, string> = Object.fromEntries(
  Object.entries(TASK_IDS).map(([, id], i) => [id, (id + id + id).slice(0, 62) + (i + 16).toString(16).padStart(2, '0')]),
)


// ---------------------------------------------------------------------------------------------------------------
// tasks

export function demoTasks(rng: Rng): TaskDoc[] {
  // Each task's secret is its entry in TASK_SECRETS.
  const t = (spec: Omit<TaskSpec, 'secret'>) => buildTask({ acl: DEMO_ACL, secret: TASK_SECRETS[spec.id]!, ...spec })
  /** A script task's script fields: its timeout, the script's id and its file document. */
  const script = (timeout: number, scriptId: string, filename: string) => ({ timeout, script_id: scriptId, script: scriptFile(scriptId, filename, rng) })
  return [
    t({
      id: TASK_IDS.backupDb,
      name: 'Backup DB',
      type: 'script',
      hostId: HOST_IDS.db01,
      args: [
        { id: 1, order: 0, type: 'input', label: 'database', required: true, help: 'database name', charsmin: 2, charsmax: 40 },
        selectArg(1, 'mode', ['full', 'incremental']),
        { id: 3, order: 2, type: 'date', label: 'since', required: false },
        { id: 4, order: 3, type: 'fixed', label: 'compression', value: 'gzip', readonly: true },
      ],
      extra: {
        ...script(600000, SCRIPT_IDS.backup, 'backup.sh'),
        env: { DB_HOST: 'db.internal' },
        description: 'Dump a database to /backups',
      },
    }),
    t({
      id: TASK_IDS.rotateLogs,
      name: 'Rotate logs',
      type: 'script',
      hostId: HOST_IDS.db02,
      args: [{ id: 1, order: 0, type: 'input', label: 'path', required: true, value: '/var/log/app' }],
      extra: script(600000, SCRIPT_IDS.rotate, 'rotate.sh'),
    }),
    t({
      id: TASK_IDS.syncInventory,
      name: 'Sync inventory',
      type: 'script',
      hostId: HOST_IDS.worker01,
      args: [selectArg(0, 'source', [['erp', 'ERP'], ['shop', 'Web shop']])],
      extra: script(3600000, SCRIPT_IDS.sync, 'sync.sh'),
    }),
    t({
      id: TASK_IDS.deployWeb,
      name: 'Deploy web',
      type: 'script',
      hostId: HOST_IDS.web01,
      args: [
        selectArg(0, 'environment', ['staging', 'production']),
        { id: 2, order: 1, type: 'input', label: 'version', required: true, pattern: '^v\\d+\\.\\d+\\.\\d+$', help: 'e.g. v1.4.2' },
        { id: 3, order: 2, type: 'date', label: 'window', required: false },
        { id: 4, order: 3, type: 'input', label: 'api_key', required: false, masked: true },
      ],
      extra: {
        cancellable: false,
        ...script(900000, SCRIPT_IDS.deploy, 'deploy.sh'),
        env: { APP_DIR: '/srv/web' },
      },
    }),
    t({
      id: TASK_IDS.cleanupTmp,
      name: 'Cleanup tmp',
      type: 'script',
      hostId: HOST_IDS.web01,
      args: [{ id: 1, order: 0, type: 'input', label: 'directory', required: true, charsmin: 2, charsmax: 64, pattern: '^/' }],
      extra: script(120000, SCRIPT_IDS.cleanup, 'cleanup.sh'),
    }),
    t({
      id: TASK_IDS.checkHomepage,
      name: 'Check homepage',
      type: 'scraper',
      hostId: HOST_IDS.web01,
    }),
    t({
      id: TASK_IDS.generateReport,
      name: 'Generate report',
      type: 'nodejs',
      hostId: HOST_IDS.worker01,
      args: [selectArg(0, 'format', [['pdf', 'PDF'], ['csv', 'CSV']])],
      extra: script(600000, SCRIPT_IDS.report, 'report.js'),
    }),
    t({
      id: TASK_IDS.notifyOncall,
      name: 'Notify on-call',
      type: 'notification',
      extra: { subject: 'Alert', body: 'Something needs attention', recipients: ['oncall@example.com'], notificationTypes: { email: true, push: true } },
    }),
    t({
      id: TASK_IDS.collectTicket,
      name: 'Collect ticket data',
      type: 'dummy',
      args: [
        { id: 1, order: 0, type: 'input', label: 'ticket', required: true, charsmin: 5, charsmax: 20, pattern: '^INC-\\d+$', help: 'INC-1234' },
        selectArg(1, 'priority', ['low', 'medium', 'high']),
        { id: 3, order: 2, type: 'input', label: 'notes', required: false, charsmax: 200 },
      ],
      extra: { user_inputs: true },
    }),
    t({
      id: TASK_IDS.approveDeploy,
      name: 'Approve deploy',
      type: 'approval',
      args: [
        { id: 1, order: 0, type: 'input', label: 'release', required: true },
        selectArg(1, 'risk', ['low', 'high']),
      ],
      extra: { approvers: [USER_IDS.jane, USER_IDS.bob] },
    }),
    t({
      id: TASK_IDS.approveRefund,
      name: 'Approve refund',
      type: 'approval',
      args: [
        { id: 1, order: 0, type: 'input', label: 'amount', required: true },
        selectArg(1, 'currency', ['USD', 'EUR']),
        {
          id: 3,
          order: 2,
          type: 'remote-options',
          label: 'cost_center',
          required: false,
          endpoint_url: 'https://erp.example.com/api/cost-centers',
          id_attribute: 'code',
          label_attribute: 'name',
        },
      ],
      extra: {
        approvers: [USER_IDS.jane],
        success_label: 'Ship it',
        failure_label: 'Hold back',
        cancel_label: 'Cancel request',
        cancel_enabled: true,
      },
    }),
    t({
      id: TASK_IDS.approveVendor,
      name: 'Approve vendor',
      type: 'approval',
      args: [{ id: 1, order: 0, type: 'input', label: 'vendor', required: true }],
      extra: { approvers: [USER_IDS.bob] },
    }),
  ]
}

export function acmeTasks(rng: Rng): TaskDoc[] {
  return [
    buildTask({
      id: TASK_IDS.acmeHealth,
      name: 'Acme health check',
      type: 'script',
      customer: ACME_CUSTOMER,
      hostId: HOST_IDS.acme01,
      acl: ['jane@example.com'],
      secret: TASK_SECRETS[TASK_IDS.acmeHealth]!,
      extra: { script_id: SCRIPT_IDS.acme, script: scriptFile(SCRIPT_IDS.acme, 'health.sh', rng) },
    }),
  ]
}
