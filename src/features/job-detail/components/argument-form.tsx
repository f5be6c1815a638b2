import { useId, useState, type FormEvent, type ReactNode } from 'react'
import { isApiError, writeFailureText } from '@/api/errors'
import type { TaskArgument } from '@/api/schemas/task'
import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'
import { readDraft, writeDraft } from '@/lib/drafts'
import { plainText } from '@/lib/text'
import { argumentsPayload, matchFieldErrors, validateArguments } from '../argument-values'
import { useSingleFlight } from '@/lib/use-single-flight'

const inputClass =
  'block h-9 w-full rounded-md border border-slate-300 bg-white px-2.5 text-sm text-slate-900 aria-invalid:border-red-600 aria-invalid:ring-1 aria-invalid:ring-red-600 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:aria-invalid:border-red-400 dark:aria-invalid:ring-red-400'

/** Values never written to a draft: secrets (masked) and files (data URLs, possibly megabytes). */
function keepsNoDraft(arg: TaskArgument): boolean {
  return !!arg.masked || arg.type === 'file'
}

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error ?? new Error('read failed'))
    reader.readAsDataURL(file)
  })
}

/**
 * A form built from a task's argument definitions, shared by Submit input, Run again and Restart:
 * fixed arguments read-only, input/select/date/file/remote-options fields, inline validation
 * (aria-invalid + aria-describedby) and the server's field errors. Values live in this component,
 * so a refused submit keeps everything the user typed.
 */
export function ArgumentForm({
  args,
  initialValues,
  submitLabel,
  pending,
  error,
  onSubmit,
  footer,
  submitVariant = 'primary',
  draftKey,
}: {
  args: TaskArgument[]
  initialValues: string[]
  submitLabel: string
  pending: boolean
  /** The last submit's error (ApiError: its fieldErrors go beside their fields). */
  error: unknown
  /** Sends the values; the promise settles when the request does (no second submit before that). */
  onSubmit: (payload: unknown[]) => Promise<unknown>
  /** Extra buttons beside the submit button (e.g. "Close"). */
  footer?: ReactNode
  submitVariant?: 'primary' | 'success'
  /** Keeps what is typed in sessionStorage under this key (never masked values or files), so a 401 loses nothing. */
  draftKey?: string
}) {
  const baseId = useId()
  const singleFlight = useSingleFlight()
  const [values, setValues] = useState<string[]>(() => {
    const draft = draftKey ? readDraft(draftKey) : null
    // A draft's blanked fields (masked, files) take the job's values, never an empty string.
    return args.map((arg, i) => (draft && !keepsNoDraft(arg) && draft[i] !== undefined ? draft[i] : (initialValues[i] ?? '')))
  })
  const [fileNames, setFileNames] = useState<Record<number, string>>({})
  const [validated, setValidated] = useState(false)
  const clientErrors = validated ? validateArguments(args, values) : args.map(() => null)
  const server = error && isApiError(error) ? matchFieldErrors(args, error.fieldErrors) : { byIndex: new Map<number, string>(), unmatched: [] }

  const setValue = (i: number, v: string) =>
    setValues((prev) => {
      const next = prev.map((x, j) => (j === i ? v : x))
      if (draftKey) writeDraft(draftKey, next.map((x, j) => (args[j] && keepsNoDraft(args[j]) ? '' : x)))
      return next
    })

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (pending) return
    setValidated(true)
    const errors = validateArguments(args, values)
    const first = errors.findIndex((x) => x !== null)
    if (first >= 0) {
      document.getElementById(`${baseId}-${first}`)?.focus()
      return
    }
    const payload = argumentsPayload(args, values)
    singleFlight.run(() => onSubmit(payload))
  }

  return (
    <form noValidate onSubmit={submit} className="space-y-4">
      {error != null && (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          <p className="font-semibold">
            <span aria-hidden="true">⚠ </span>
            {writeFailureText(error)}
          </p>
          {server.byIndex.size > 0 && <p>See the messages beside the fields below. Your values are kept.</p>}
          {server.unmatched.length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {server.unmatched.map((m, i) => (
                <li key={i}>{plainText(m, 300)}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {args.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-400">This task takes no arguments.</p>}
      {args.map((arg, i) => {
        const id = `${baseId}-${i}`
        const helpId = `${id}-help`
        const errorId = `${id}-error`
        const message = clientErrors[i] ?? server.byIndex.get(i) ?? null
        const label = plainText(arg.label, 120) || `Argument ${i + 1}`
        const help =
          arg.type === 'remote-options'
            ? `${arg.help ? `${plainText(arg.help, 300)} ` : ''}The options of this field come from ${arg.endpoint_url ? plainText(arg.endpoint_url, 200) : 'an external service'}, which this dashboard does not query: type the value (option id).`
            : arg.help
              ? plainText(arg.help, 300)
              : undefined
        const describedBy = [help && helpId, message && errorId].filter(Boolean).join(' ') || undefined
        const common = {
          id,
          'aria-invalid': message ? true : undefined,
          'aria-describedby': describedBy,
          required: arg.required || undefined,
        }
        let control: ReactNode
        if (arg.type === 'fixed') {
          control = (
            <input {...common} readOnly value={values[i] ?? ''} className={cn(inputClass, 'bg-slate-50 text-slate-700 dark:bg-slate-900 dark:text-slate-300')} />
          )
        } else if (arg.type === 'select' && arg.options.length > 0) {
          control = (
            <select {...common} value={values[i] ?? ''} onChange={(e) => setValue(i, e.target.value)} className={inputClass}>
              <option value="">{arg.required ? 'Choose…' : '(none)'}</option>
              {arg.options.map((o) => (
                <option key={o.id} value={o.id}>
                  {plainText(o.label, 120)}
                </option>
              ))}
            </select>
          )
        } else if (arg.type === 'file') {
          control = (
            <div className="space-y-1">
              <input
                {...common}
                type="file"
                onChange={async (e) => {
                  const file = e.target.files?.[0]
                  if (!file) {
                    setValue(i, '')
                    return
                  }
                  try {
                    const url = await readAsDataUrl(file)
                    setValue(i, url)
                    setFileNames((prev) => ({ ...prev, [i]: file.name }))
                  } catch {
                    setValue(i, '')
                  }
                }}
                className="block text-sm"
              />
              {values[i] && (
                <p className="text-xs text-slate-600 dark:text-slate-400">
                  {fileNames[i] ? `Selected: ${plainText(fileNames[i], 120)}` : 'A file is already set.'}
                </p>
              )}
            </div>
          )
        } else {
          control = (
            <input
              {...common}
              type={arg.masked ? 'password' : arg.type === 'date' ? 'date' : 'text'}
              autoComplete="off"
              value={values[i] ?? ''}
              readOnly={arg.readonly || undefined}
              onChange={(e) => setValue(i, e.target.value)}
              className={inputClass}
            />
          )
        }
        return (
          <div key={id} className="space-y-1">
            <label htmlFor={id} className="block text-sm font-medium">
              {label}
              {arg.required && arg.type !== 'fixed' && <span className="text-red-700 dark:text-red-300"> (required)</span>}
              {arg.type === 'fixed' && <span className="font-normal text-slate-600 dark:text-slate-400"> (fixed)</span>}
            </label>
            {control}
            {help && (
              <p id={helpId} className="text-xs text-slate-600 dark:text-slate-400">
                {help}
              </p>
            )}
            {message && (
              <p id={errorId} className="text-sm text-red-800 dark:text-red-300">
                <span aria-hidden="true">⚠ </span>
                {plainText(message, 300)}
              </p>
            )}
          </div>
        )
      })}
      <div className="flex flex-wrap justify-end gap-2">
        {footer}
        <Button type="submit" variant={submitVariant} pending={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  )
}
