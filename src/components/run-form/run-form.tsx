import { useQueries } from '@tanstack/react-query'
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react'
import type { ArgumentOption, TaskArgument } from '@/api/schemas/task'
import { Button } from '@/components/ui/button'
import { Callout } from '@/components/ui/callout'
import type { FieldError } from '@/api/errors'
import { readDraft, writeDraft } from '@/lib/drafts'
import { plainText } from '@/lib/text'
import {
  buildTaskArguments,
  definitionsSignature,
  fieldKind,
  isMasked,
  matchFieldErrors,
  remapValues,
  restoreStored,
  storableValues,
  type FieldValue,
} from './argument-values'
import { remoteOptionsQuery } from './remote-options'
import { validateAll, validateField } from './validation'
import { ArgumentField, type RemoteState } from './argument-field'

export interface RunFormSubmit {
  /** The `task_arguments` body: index = order. */
  taskArguments: unknown[]
  values: FieldValue[]
}

/**
 * The form for a list of argument definitions, the one every feature uses (run a task or a
 * workflow, Run again, Restart, Submit input): one control per non-fixed argument, fixed ones shown
 * read-only, every rule checked before `onSubmit` is called with the body to send (a full array
 * indexed by `order`, which is how the server matches values for a run, a restart and an input).
 * It owns no server call. Remount it (key) to start from other initial values.
 *
 * One intent, one request: while the promise `onSubmit` returned is unsettled, another submit does
 * nothing (a ref, so two clicks in the same frame count once; `pending` arrives a render later). A
 * double click and a held Enter are one intent even when the server answers between the two (the
 * second click of a multi-click and a repeated Enter never submit). Success or failure releases the
 * guard, with the render that shows what the caller did with the answer, so a failed submit can be
 * tried again at once.
 */
export function RunForm({
  args,
  initial,
  submitLabel = 'Run task',
  pending = false,
  onSubmit,
  userEmail,
  beforeSubmit,
  error,
  serverFieldErrors,
  extraActions,
  label = 'Arguments',
  submitVariant = 'primary',
  draftKey,
  restoreDraft = true,
}: {
  args: TaskArgument[]
  initial: FieldValue[]
  submitLabel?: string
  pending?: boolean
  /** Sends the values; return the request's promise: no other submit until it settles. */
  onSubmit: (submit: RunFormSubmit) => Promise<unknown> | void
  userEmail?: string
  /** Shown above the submit button (the pre-flight summary). */
  beforeSubmit?: ReactNode
  /** A submit failure, shown above the button. When given, it also says the server's field errors that match no field. */
  error?: ReactNode
  /** The server's field errors of the last submit (400 InvalidTaskArguments): shown beside their fields. */
  serverFieldErrors?: FieldError[]
  extraActions?: ReactNode
  /** The form's accessible name. */
  label?: string
  submitVariant?: 'primary' | 'success'
  /**
   * Keeps what is typed in sessionStorage under this key (never masked values or files), so that a
   * 401 and the sign-in after it lose nothing. The caller clears it once the values are sent.
   */
  draftKey?: string
  /** Whether a kept draft wins over `initial` (false when the user asked for other values, e.g. a link's). */
  restoreDraft?: boolean
}) {
  const signature = definitionsSignature(args)
  const [form, setForm] = useState<{ signature: string; args: TaskArgument[]; values: FieldValue[] }>(() => {
    const draft = draftKey && restoreDraft ? readDraft(draftKey) : null
    return { signature, args, values: draft ? restoreStored(args, draft, initial) : initial }
  })
  const [errors, setErrors] = useState<(string | null)[]>(() => args.map(() => null))
  const [summary, setSummary] = useState<string | null>(null)
  const [changedUnderUs, setChangedUnderUs] = useState(false)
  // The task's definitions changed while the form was open (a refetch): keep what still fits, and say so.
  if (form.signature !== signature) {
    setForm({ signature, args, values: remapValues(form.args, form.values, args) })
    setErrors(args.map(() => null))
    setChangedUnderUs(true)
  }
  const values = form.signature === signature ? form.values : remapValues(form.args, form.values, args)
  const setValues = (update: (prev: FieldValue[]) => FieldValue[]) =>
    setForm((f) => {
      const next = update(f.values)
      if (draftKey) writeDraft(draftKey, storableValues(f.args, next))
      return { ...f, values: next }
    })
  const server = serverFieldErrors?.length ? matchFieldErrors(args, serverFieldErrors) : null
  const formRef = useRef<HTMLFormElement>(null)
  const inFlight = useRef(false)
  // Bumped when the submit's promise settles: the guard opens in that render's commit, together with
  // what the caller's own updates show (a dialog closing, an error), not a moment before it.
  const [settled, setSettled] = useState(0)
  useLayoutEffect(() => {
    inFlight.current = false
  }, [settled])

  const remoteDefs = args.map((def, i) => ({ def, i })).filter(({ def }) => def.type === 'remote-options' && def.endpoint_url)
  const remoteQueries = useQueries({
    queries: remoteDefs.map(({ def }) => remoteOptionsQuery(def.endpoint_url!, def.id_attribute, def.text_attribute, userEmail)),
  })
  const remoteByIndex = new Map<number, RemoteState>()
  remoteDefs.forEach(({ i }, k) => {
    const q = remoteQueries[k]!
    remoteByIndex.set(i, {
      status: q.status,
      options: q.data,
      error: q.error instanceof Error ? q.error.message : q.error ? String(q.error) : undefined,
      fetching: q.isFetching,
      retry: () => void q.refetch(),
    })
  })
  args.forEach((def, i) => {
    if (def.type === 'remote-options' && !def.endpoint_url) {
      remoteByIndex.set(i, { status: 'error', error: 'the task does not say where they come from (no endpoint_url).', fetching: false, retry: () => {}, canRetry: false })
    }
  })
  const optionsFor = (i: number): ArgumentOption[] | undefined => (args[i]?.type === 'remote-options' ? remoteByIndex.get(i)?.options : undefined)
  const ctxFor = (i: number) => ({ options: optionsFor(i), typedByHand: remoteByIndex.get(i)?.status === 'error' })

  const dynamic = args.map((def, i) => ({ def, i })).filter(({ def }) => fieldKind(def) !== 'fixed')
  const fixed = args.filter((def) => fieldKind(def) === 'fixed')

  const change = (i: number, v: FieldValue) => {
    setValues((prev) => prev.map((old, k) => (k === i ? v : old)))
    // A shown message follows the value as it is fixed; no new message appears while typing, nor on
    // leaving a field (a message appearing on blur would move the Run button under a pointer mid-click).
    if (errors[i]) setErrors((prev) => prev.map((e, k) => (k === i ? validateField(args[i]!, v, ctxFor(i)) : e)))
  }
  return (
    <form
      ref={formRef}
      noValidate
      aria-label={label}
      className="space-y-5"
      onKeyDown={(e) => {
        // A held Enter repeats: one press is one submit (a new line in a text area is typing).
        if (e.key === 'Enter' && e.repeat && !(e.target instanceof HTMLTextAreaElement)) e.preventDefault()
      }}
      onSubmit={(e) => {
        e.preventDefault()
        if (pending || inFlight.current) return
        const next = validateAll(args, values, ctxFor)
        setErrors(next)
        const bad = next.map((m, i) => (m ? i : -1)).filter((i) => i >= 0)
        if (bad.length > 0) {
          setSummary(bad.length === 1 ? `1 field needs attention: ${args[bad[0]!]!.label}.` : `${bad.length} fields need attention: ${bad.map((i) => args[i]!.label).join(', ')}.`)
          formRef.current?.querySelector<HTMLElement>(`[data-arg="${bad[0]}"] :is(input, select, textarea)`)?.focus()
          return
        }
        setSummary(null)
        const sent = onSubmit({ taskArguments: buildTaskArguments(args, values, optionsFor), values })
        if (sent) {
          inFlight.current = true
          // The caller's request state reports a failure; here it only reopens the form.
          const release = () => setSettled((n) => n + 1)
          sent.then(release, release)
        }
      }}
    >
      {changedUnderUs && (
        <Callout tone="warning" role="alert" title="This task's arguments changed on the server while the form was open">
          Values that still fit were kept; check every field before running.
        </Callout>
      )}
      {dynamic.length === 0 && <p className="text-sm text-slate-700 dark:text-slate-300">This task takes no input.</p>}
      {dynamic.map(({ def, i }) => (
        <div key={i} data-arg={i}>
          <ArgumentField
            def={def}
            value={values[i]!}
            error={errors[i] ?? server?.byIndex.get(i) ?? null}
            remote={remoteByIndex.get(i)}
            onChange={(v) => change(i, v)}
          />
        </div>
      ))}
      {fixed.length > 0 && (
        <section aria-label="Fixed values" className="rounded-md border border-slate-200 p-3 text-sm dark:border-slate-700">
          <h3 className="font-medium">Fixed values</h3>
          <p className="text-xs text-slate-600 dark:text-slate-400">Set by the task; the server uses them as they are.</p>
          <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
            {fixed.map((def, k) => (
              <div key={k} className="contents">
                <dt className="font-medium">{def.label}</dt>
                <dd className="font-mono break-all">{def.masked ? '•••• (masked)' : def.value === undefined || def.value === null ? '(empty)' : String(typeof def.value === 'object' ? JSON.stringify(def.value) : def.value)}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {beforeSubmit}
      {summary && (
        <Callout tone="danger" role="alert">
          {summary}
        </Callout>
      )}
      {error}
      {!error && server && server.unmatched.length > 0 && (
        <Callout tone="danger" role="alert" title="The server refused these values:">
          <ul className="list-disc pl-5">
            {server.unmatched.map((m, i) => (
              <li key={i}>{plainText(m, 300)}</li>
            ))}
          </ul>
        </Callout>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <Button
          type="submit"
          variant={submitVariant}
          pending={pending}
          onClick={(e) => {
            // The second click of a double click is the same intent (the first one submitted, or showed what to fix).
            if (e.detail > 1) e.preventDefault()
          }}
        >
          {submitLabel}
        </Button>
        {extraActions}
      </div>
    </form>
  )
}

/** Labels of the arguments whose values are masked (shown in the pre-flight summary). */
export function maskedLabels(args: TaskArgument[]): string[] {
  return args.filter((d) => isMasked(d) || (fieldKind(d) === 'fixed' && d.masked)).map((d) => d.label)
}
