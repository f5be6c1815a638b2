import { useQuery } from '@tanstack/react-query'
import { useId, useRef, useState, type FormEvent } from 'react'
import { useNavigate } from 'react-router'
import { isApiError } from '@/api/errors'
import { jobDisplayName } from '@/api/schemas/job'
import type { TaskArgument } from '@/api/schemas/task'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { ErrorPanel, errorMessage } from '@/components/ui/error-panel'
import { SkeletonRows } from '@/components/ui/skeleton'
import { plainText } from '@/lib/text'
import { useToast } from '@/components/ui/toast'
import { useRunWorkflow, workflowQueries } from '../queries'

export type Value = string | boolean

export function initialValue(arg: TaskArgument): Value {
  if (arg.type === 'boolean') return arg.value === true || arg.value === 'true'
  if (arg.value === undefined || arg.value === null) return ''
  return typeof arg.value === 'string' ? arg.value : JSON.stringify(arg.value)
}

/**
 * The body #29 expects: a full array indexed by each argument's `order` (fixed arguments as null, the
 * server fills them), so the server's matching cannot shift values. Empty optional values are null:
 * an `undefined` would end the first step in error on the server.
 */
export function buildRunArguments(args: TaskArgument[], values: Record<number, Value>): unknown[] {
  const size = args.reduce((m, a) => Math.max(m, a.order + 1), 0)
  const out: unknown[] = Array.from({ length: size }, () => null)
  for (const a of args) {
    if (a.type === 'fixed') continue
    const v = values[a.order]
    if (a.type === 'boolean') out[a.order] = v === true
    else if (typeof v === 'string' && v !== '') out[a.order] = v
    else out[a.order] = null
  }
  return out
}

export function validate(args: TaskArgument[], values: Record<number, Value>): Record<number, string> {
  const errors: Record<number, string> = {}
  for (const a of args) {
    if (a.type === 'fixed' || a.type === 'boolean') continue
    const v = values[a.order]
    const s = typeof v === 'string' ? v : ''
    if (!s) {
      if (a.required) errors[a.order] = `${a.label} is required.`
      continue
    }
    if (a.charsmin && s.length < a.charsmin) errors[a.order] = `${a.label} needs at least ${a.charsmin} characters.`
    else if (a.charsmax && s.length > a.charsmax) errors[a.order] = `${a.label} takes at most ${a.charsmax} characters.`
    else if (a.pattern) {
      try {
        if (!new RegExp(a.pattern).test(s)) errors[a.order] = `${a.label} must match ${a.pattern}.`
      } catch {
        /* an invalid pattern in the definition does not block the run */
      }
    }
    if (!errors[a.order] && a.type === 'json') {
      try {
        JSON.parse(s)
      } catch {
        errors[a.order] = `${a.label} is not valid JSON.`
      }
    }
  }
  return errors
}

export function Field({ arg, value, error, onChange }: { arg: TaskArgument; value: Value; error?: string; onChange: (v: Value) => void }) {
  const id = useId()
  const errorId = `${id}-error`
  const helpId = `${id}-help`
  const described = [error ? errorId : null, arg.help ? helpId : null].filter(Boolean).join(' ') || undefined
  const common = {
    id,
    'aria-invalid': error ? (true as const) : undefined,
    'aria-describedby': described,
    required: arg.required,
    className: 'w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-800',
  }
  const label = plainText(arg.label, 80)
  let control
  if (arg.type === 'fixed') {
    control = <input {...common} value={typeof value === 'string' ? value : ''} readOnly aria-readonly="true" />
  } else if (arg.type === 'boolean') {
    control = <input id={id} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} aria-describedby={described} />
  } else if (arg.type === 'select' && arg.options.length > 0) {
    control = (
      <select {...common} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)}>
        <option value="">{arg.required ? 'Choose…' : '(none)'}</option>
        {arg.options.map((o) => (
          <option key={o.id} value={o.id}>
            {plainText(o.label, 80)}
          </option>
        ))}
      </select>
    )
  } else if (arg.type === 'textarea' || arg.type === 'json') {
    control = <textarea {...common} rows={3} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)} />
  } else {
    const type = arg.masked ? 'password' : arg.type === 'date' ? 'date' : arg.type === 'email' ? 'email' : 'text'
    control = <input {...common} type={type} autoComplete="off" value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)} />
  }
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
        {arg.required && arg.type !== 'fixed' ? <span aria-hidden="true"> *</span> : null}
        {arg.type === 'fixed' ? <span className="font-normal text-slate-600 dark:text-slate-400"> (fixed)</span> : null}
      </label>
      {control}
      {arg.help && (
        <p id={helpId} className="text-xs text-slate-600 dark:text-slate-400">
          {plainText(arg.help, 200)}
        </p>
      )}
      {error && (
        <p id={errorId} className="text-xs font-medium text-red-800 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  )
}

/**
 * "Run workflow": a dialog with the start task's arguments (a simple form of this feature until the
 * task run form is shared), then the new run's page. One request per submit: the button is pending
 * while it runs and a second submit is ignored.
 */
export function RunWorkflowButton({ workflow }: { workflow: { id: string; name: string; start_task_id?: string } }) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>
        Run workflow
      </Button>
      {open && <RunWorkflowDialog workflow={workflow} onClose={() => setOpen(false)} />}
    </>
  )
}

function RunWorkflowDialog({ workflow, onClose }: { workflow: { id: string; name: string; start_task_id?: string }; onClose: () => void }) {
  const task = useQuery({ ...workflowQueries.startTask(workflow.start_task_id ?? ''), enabled: !!workflow.start_task_id })
  const run = useRunWorkflow()
  const navigate = useNavigate()
  const toast = useToast()
  const [values, setValues] = useState<Record<number, Value> | null>(null)
  const [errors, setErrors] = useState<Record<number, string>>({})
  const inFlight = useRef(false)
  const args = task.data?.task_arguments ?? []
  const current = values ?? Object.fromEntries(args.map((a) => [a.order, initialValue(a)]))
  const name = plainText(workflow.name, 120)

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (inFlight.current || run.isPending) return
    const found = validate(args, current)
    setErrors(found)
    if (Object.keys(found).length) return
    inFlight.current = true
    run.mutate(
      { workflowId: workflow.id, args: buildRunArguments(args, current) },
      {
        onSuccess: (created) => {
          toast.show(`Run started: ${plainText(jobDisplayName(created), 120)}.`, 'success')
          onClose()
          navigate(`/jobs/${created.id}`)
        },
        onSettled: () => {
          inFlight.current = false
        },
      },
    )
  }

  const serverFieldErrors = isApiError(run.error) ? run.error.fieldErrors : undefined
  return (
    <Dialog
      open
      onClose={() => !run.isPending && onClose()}
      title={`Run “${name}”`}
      description="Starts a new run of this workflow with these values for its first task."
    >
      {!workflow.start_task_id ? (
        <p role="alert" className="text-sm">
          This workflow has no start task, so it cannot be started from here.
        </p>
      ) : task.isPending ? (
        <SkeletonRows rows={3} label="Loading the start task's arguments" />
      ) : task.isError ? (
        <ErrorPanel error={task.error} title="The start task's arguments could not be loaded" onRetry={() => task.refetch()} />
      ) : (
        <form onSubmit={submit} noValidate className="space-y-3">
          {args.length === 0 && <p className="text-sm text-slate-700 dark:text-slate-300">The start task takes no arguments.</p>}
          {args.map((a) => (
            <Field
              key={`${a.order}-${a.label}`}
              arg={a}
              value={current[a.order] ?? ''}
              error={errors[a.order]}
              onChange={(v) => setValues({ ...current, [a.order]: v })}
            />
          ))}
          {run.isError && (
            <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
              <p className="font-semibold">The run was not started</p>
              <p>{errorMessage(run.error)}</p>
              {serverFieldErrors && serverFieldErrors.length > 0 && (
                <ul className="list-disc pl-5">
                  {serverFieldErrors.map((f, i) => (
                    <li key={i}>{plainText(`${f.field ?? ''} ${f.message ?? ''}`, 200)}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
          <div className="flex justify-end gap-2 pt-2">
            <Button variant="ghost" onClick={onClose} disabled={run.isPending}>
              Close
            </Button>
            <Button type="submit" variant="primary" pending={run.isPending}>
              Start run
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  )
}
