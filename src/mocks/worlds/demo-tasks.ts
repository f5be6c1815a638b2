// The tasks of the demo organization (and of Acme Corp, the second organization jane belongs to).

import { ACME_CUSTOMER, HOST_IDS, SCRIPT_IDS, TASK_IDS, USER_IDS } from '../ids'
import type { TaskDoc } from '../types'
import { type Rng } from '../seed/random'
import { buildTask, scriptFile } from '../seed/tasks'
import { DEMO_ACL } from './world'

/** Task secrets (for `POST /job/secret/:secret`), 64 hex chars each. */
export const TASK_SECRETS: Record<string, string> = Object.fromEntries(
  Object.entries(TASK_IDS).map(([, id], i) => [id, (id + id + id).slice(0, 62) + (i + 16).toString(16).padStart(2, '0')]),
)


// ---------------------------------------------------------------------------------------------------------------
// tasks

export function demoTasks(rng: Rng): TaskDoc[] {
  const t = (spec: Parameters<typeof buildTask>[0]) => buildTask({ acl: DEMO_ACL, ...spec })
  return [
    t({
      id: TASK_IDS.backupDb,
      name: 'Backup DB',
      type: 'script',
      hostId: HOST_IDS.db01,
      secret: TASK_SECRETS[TASK_IDS.backupDb]!,
      args: [
        { id: 1, order: 0, type: 'input', label: 'database', required: true, help: 'database name', charsmin: 2, charsmax: 40 },
        {
          id: 2,
          order: 1,
          type: 'select',
          label: 'mode',
          required: true,
          options: [
            { id: 'full', label: 'full' },
            { id: 'incremental', label: 'incremental' },
          ],
        },
        { id: 3, order: 2, type: 'date', label: 'since', required: false },
        { id: 4, order: 3, type: 'fixed', label: 'compression', value: 'gzip', readonly: true },
      ],
      extra: {
        timeout: 600000,
        script_id: SCRIPT_IDS.backup,
        script: scriptFile(SCRIPT_IDS.backup, 'backup.sh', rng),
        env: { DB_HOST: 'db.internal' },
        description: 'Dump a database to /backups',
      },
    }),
    t({
      id: TASK_IDS.rotateLogs,
      name: 'Rotate logs',
      type: 'script',
      hostId: HOST_IDS.db02,
      secret: TASK_SECRETS[TASK_IDS.rotateLogs]!,
      args: [{ id: 1, order: 0, type: 'input', label: 'path', required: true, value: '/var/log/app' }],
      extra: { timeout: 600000, script_id: SCRIPT_IDS.rotate, script: scriptFile(SCRIPT_IDS.rotate, 'rotate.sh', rng) },
    }),
    t({
      id: TASK_IDS.syncInventory,
      name: 'Sync inventory',
      type: 'script',
      hostId: HOST_IDS.worker01,
      secret: TASK_SECRETS[TASK_IDS.syncInventory]!,
      args: [
        {
          id: 1,
          order: 0,
          type: 'select',
          label: 'source',
          required: true,
          options: [
            { id: 'erp', label: 'ERP' },
            { id: 'shop', label: 'Web shop' },
          ],
        },
      ],
      extra: { timeout: 3600000, script_id: SCRIPT_IDS.sync, script: scriptFile(SCRIPT_IDS.sync, 'sync.sh', rng) },
    }),
    t({
      id: TASK_IDS.deployWeb,
      name: 'Deploy web',
      type: 'script',
      hostId: HOST_IDS.web01,
      secret: TASK_SECRETS[TASK_IDS.deployWeb]!,
      args: [
        {
          id: 1,
          order: 0,
          type: 'select',
          label: 'environment',
          required: true,
          options: [
            { id: 'staging', label: 'staging' },
            { id: 'production', label: 'production' },
          ],
        },
        { id: 2, order: 1, type: 'input', label: 'version', required: true, pattern: '^v\\d+\\.\\d+\\.\\d+$', help: 'e.g. v1.4.2' },
        { id: 3, order: 2, type: 'date', label: 'window', required: false },
        { id: 4, order: 3, type: 'input', label: 'api_key', required: false, masked: true },
      ],
      extra: {
        cancellable: false,
        timeout: 900000,
        script_id: SCRIPT_IDS.deploy,
        script: scriptFile(SCRIPT_IDS.deploy, 'deploy.sh', rng),
        env: { APP_DIR: '/srv/web' },
      },
    }),
    t({
      id: TASK_IDS.cleanupTmp,
      name: 'Cleanup tmp',
      type: 'script',
      hostId: HOST_IDS.web01,
      secret: TASK_SECRETS[TASK_IDS.cleanupTmp]!,
      args: [{ id: 1, order: 0, type: 'input', label: 'directory', required: true, charsmin: 2, charsmax: 64, pattern: '^/' }],
      extra: { timeout: 120000, script_id: SCRIPT_IDS.cleanup, script: scriptFile(SCRIPT_IDS.cleanup, 'cleanup.sh', rng) },
    }),
    t({
      id: TASK_IDS.checkHomepage,
      name: 'Check homepage',
      type: 'scraper',
      hostId: HOST_IDS.web01,
      secret: TASK_SECRETS[TASK_IDS.checkHomepage]!,
    }),
    t({
      id: TASK_IDS.generateReport,
      name: 'Generate report',
      type: 'nodejs',
      hostId: HOST_IDS.worker01,
      secret: TASK_SECRETS[TASK_IDS.generateReport]!,
      args: [
        {
          id: 1,
          order: 0,
          type: 'select',
          label: 'format',
          required: true,
          options: [
            { id: 'pdf', label: 'PDF' },
            { id: 'csv', label: 'CSV' },
          ],
        },
      ],
      extra: { timeout: 600000, script_id: SCRIPT_IDS.report, script: scriptFile(SCRIPT_IDS.report, 'report.js', rng) },
    }),
    t({
      id: TASK_IDS.notifyOncall,
      name: 'Notify on-call',
      type: 'notification',
      secret: TASK_SECRETS[TASK_IDS.notifyOncall]!,
      extra: { subject: 'Alert', body: 'Something needs attention', recipients: ['oncall@example.com'], notificationTypes: { email: true, push: true } },
    }),
    t({
      id: TASK_IDS.collectTicket,
      name: 'Collect ticket data',
      type: 'dummy',
      secret: TASK_SECRETS[TASK_IDS.collectTicket]!,
      args: [
        { id: 1, order: 0, type: 'input', label: 'ticket', required: true, charsmin: 5, charsmax: 20, pattern: '^INC-\\d+$', help: 'INC-1234' },
        {
          id: 2,
          order: 1,
          type: 'select',
          label: 'priority',
          required: true,
          options: [
            { id: 'low', label: 'low' },
            { id: 'medium', label: 'medium' },
            { id: 'high', label: 'high' },
          ],
        },
        { id: 3, order: 2, type: 'input', label: 'notes', required: false, charsmax: 200 },
      ],
      extra: { user_inputs: true },
    }),
    t({
      id: TASK_IDS.approveDeploy,
      name: 'Approve deploy',
      type: 'approval',
      secret: TASK_SECRETS[TASK_IDS.approveDeploy]!,
      args: [
        { id: 1, order: 0, type: 'input', label: 'release', required: true },
        {
          id: 2,
          order: 1,
          type: 'select',
          label: 'risk',
          required: true,
          options: [
            { id: 'low', label: 'low' },
            { id: 'high', label: 'high' },
          ],
        },
      ],
      extra: { approvers: [USER_IDS.jane, USER_IDS.bob] },
    }),
    t({
      id: TASK_IDS.approveRefund,
      name: 'Approve refund',
      type: 'approval',
      secret: TASK_SECRETS[TASK_IDS.approveRefund]!,
      args: [
        { id: 1, order: 0, type: 'input', label: 'amount', required: true },
        {
          id: 2,
          order: 1,
          type: 'select',
          label: 'currency',
          required: true,
          options: [
            { id: 'USD', label: 'USD' },
            { id: 'EUR', label: 'EUR' },
          ],
        },
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
      secret: TASK_SECRETS[TASK_IDS.approveVendor]!,
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
