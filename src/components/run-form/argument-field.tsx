import { useId, useState } from 'react'
import type { ArgumentOption, TaskArgument } from '@/api/schemas/task'
import { Button } from '@/components/ui/button'
import { Callout } from '@/components/ui/callout'
import { Field, FieldNotes, Input, Select, Textarea } from '@/components/ui/field'
import { isKnownType, isMasked, type FieldValue } from './argument-values'

/** Files above this size are refused in the browser: the whole file travels inside the JSON body. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024

export interface RemoteState {
  status: 'pending' | 'error' | 'success'
  options?: ArgumentOption[]
  error?: string
  fetching: boolean
  retry: () => void
  canRetry?: boolean
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} kB`
  return `${(n / 1024 / 1024).toFixed(1)} MB`
}

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => (typeof reader.result === 'string' ? resolve(reader.result) : reject(new Error('unreadable')))
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'))
    reader.readAsDataURL(file)
  })
}

/**
 * One argument as a form control, labelled with the argument's label; its help and its error are
 * tied to the control with aria-describedby (Field), and an error sets aria-invalid.
 */
export function ArgumentField({
  def,
  value,
  error,
  remote,
  onChange,
}: {
  def: TaskArgument
  value: FieldValue
  error: string | null
  remote?: RemoteState
  onChange: (value: FieldValue) => void
}) {
  const checkboxId = useId()
  const helpId = useId()
  const errorId = useId()
  const [reveal, setReveal] = useState(false)
  const [fileProblem, setFileProblem] = useState<string | null>(null)
  const unknownType = !isKnownType(def.type)

  if (value.kind === 'bool') {
    const describedBy = [def.help ? helpId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined
    return (
      <div>
        <div className="flex items-center gap-2">
          <input
            id={checkboxId}
            type="checkbox"
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
            checked={value.checked}
            onChange={(e) => onChange({ kind: 'bool', checked: e.target.checked })}
            className="size-4 rounded border-slate-400 accent-indigo-600"
          />
          <label htmlFor={checkboxId} className="text-sm font-medium text-slate-800 dark:text-slate-100">
            {def.label}
          </label>
        </div>
        <FieldNotes hint={def.help} hintId={helpId} error={error} errorId={errorId} />
      </div>
    )
  }

  const hint =
    def.help || unknownType || (value.kind === 'choice' && def.multiple) ? (
      <>
        {def.help}
        {unknownType && <span className="block">This dashboard does not know the argument type “{def.type}”: the value is sent as text.</span>}
        {value.kind === 'choice' && def.multiple && <span className="block">Several can be chosen (Ctrl or ⌘ + click, or Shift + arrows).</span>}
      </>
    ) : undefined

  return (
    <div className="space-y-1">
      <Field label={def.label} hint={hint} error={error ?? fileProblem ?? undefined} required={def.required}>
        {(control) => {
          const common = control
          if (value.kind === 'choice') {
            const options = def.type === 'remote-options' ? (remote?.options ?? []) : def.options
            const known = new Set(options.map((o) => o.id))
            // Values that are not (or not yet) options stay visible, so nothing the user chose disappears.
            const extra = value.ids.filter((id) => !known.has(id))
            const loading = def.type === 'remote-options' && remote?.status === 'pending'
            return (
              <Select
                {...common}
                multiple={def.multiple}
                className={def.multiple ? 'h-auto py-1' : undefined}
                value={def.multiple ? value.ids : (value.ids[0] ?? '')}
                disabled={loading}
                onChange={(e) => {
                  const ids = def.multiple ? [...e.target.selectedOptions].map((o) => o.value) : e.target.value ? [e.target.value] : []
                  onChange({ kind: 'choice', ids })
                }}
              >
                {!def.multiple && <option value="">{loading ? 'Loading options…' : `Choose ${def.label}…`}</option>}
                {options.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.label}
                  </option>
                ))}
                {extra.map((id) => (
                  <option key={`extra-${id}`} value={id}>
                    {id} (not an option)
                  </option>
                ))}
              </Select>
            )
          }
          if (value.kind === 'file') {
            return (
              <input
                type="file"
                {...common}
                onChange={async (e) => {
                  const input = e.currentTarget
                  const file = input.files?.[0]
                  if (!file) return
                  if (file.size > MAX_FILE_BYTES) {
                    setFileProblem(`${file.name} is ${formatBytes(file.size)}; files up to ${formatBytes(MAX_FILE_BYTES)} can be sent.`)
                    input.value = ''
                    return
                  }
                  setFileProblem(null)
                  try {
                    const dataUrl = await readAsDataUrl(file)
                    onChange({ kind: 'file', dataUrl, name: file.name, size: file.size })
                  } catch {
                    setFileProblem(`${file.name} could not be read. Choose it again.`)
                    input.value = ''
                  }
                }}
                className="block text-sm text-slate-900 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1 dark:text-slate-100 dark:file:bg-slate-800"
              />
            )
          }
          if (value.kind !== 'text') return null
          if (def.type === 'textarea' || def.type === 'json') {
            return (
              <Textarea
                {...common}
                value={value.text}
                rows={def.type === 'json' ? 6 : 4}
                spellCheck={def.type === 'json' ? false : undefined}
                onChange={(e) => onChange({ kind: 'text', text: e.target.value })}
                className={def.type === 'json' ? 'font-mono' : undefined}
              />
            )
          }
          const masked = isMasked(def)
          const type = masked && !reveal ? 'password' : def.type === 'date' ? 'date' : def.type === 'email' ? 'email' : 'text'
          return (
            <div className="flex gap-2">
              <Input
                {...common}
                type={type}
                value={value.text}
                autoComplete={masked ? 'off' : undefined}
                spellCheck={def.type === 'regexp' || masked ? false : undefined}
                onChange={(e) => onChange({ kind: 'text', text: e.target.value })}
                className={def.type === 'regexp' ? 'font-mono' : undefined}
              />
              {masked && (
                <Button variant="secondary" aria-pressed={reveal} aria-label={`Show ${def.label}`} onClick={() => setReveal((r) => !r)}>
                  {reveal ? 'Hide' : 'Show'}
                </Button>
              )}
            </div>
          )
        }}
      </Field>
      {value.kind === 'file' && value.dataUrl && (
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700 dark:text-slate-300">
          <span>
            Will send: {value.name ?? 'file'}
            {value.size !== undefined ? ` (${formatBytes(value.size)})` : ''}
          </span>
          <Button size="sm" variant="ghost" onClick={() => onChange({ kind: 'file', dataUrl: null })}>
            Remove file
          </Button>
        </p>
      )}
      {def.type === 'remote-options' && remote && (
        <RemoteStatus
          def={def}
          remote={remote}
          manual={value.kind === 'choice' ? value.ids.join(', ') : undefined}
          // When the list cannot load (down, or refused by the dashboard's policy), the id can still be typed.
          onManual={def.multiple ? undefined : (text) => onChange({ kind: 'choice', ids: text.trim() ? [text.trim()] : [] })}
        />
      )}
    </div>
  )
}

function RemoteStatus({ def, remote, manual, onManual }: { def: TaskArgument; remote: RemoteState; manual?: string; onManual?: (text: string) => void }) {
  const manualId = useId()
  if (remote.status === 'pending') {
    return (
      <p role="status" className="text-xs text-slate-600 dark:text-slate-400">
        Loading options from {originOf(def.endpoint_url)}…
      </p>
    )
  }
  if (remote.status === 'error') {
    return (
      <Callout tone="danger" role="alert">
        <p>
          The options for {def.label} could not be loaded: {remote.error}
        </p>
        {remote.canRetry !== false && (
          <Button size="sm" className="mt-1" pending={remote.fetching} onClick={remote.retry}>
            Retry
          </Button>
        )}
        {onManual && (
          <div className="mt-2">
            <label htmlFor={manualId} className="block text-sm font-medium">
              Or type the {def.label} id by hand
            </label>
            <Input id={manualId} size="sm" className="mt-1 max-w-sm" value={manual ?? ''} onChange={(e) => onManual(e.target.value)} />
          </div>
        )}
      </Callout>
    )
  }
  return (
    <p className="text-xs text-slate-600 dark:text-slate-400">
      {remote.options?.length ? `${remote.options.length} options from ${originOf(def.endpoint_url)}.` : `${originOf(def.endpoint_url)} offered no options.`}
    </p>
  )
}

function originOf(url: string | undefined): string {
  if (!url) return 'the endpoint'
  try {
    return new URL(url, window.location.href).host
  } catch {
    return url
  }
}
