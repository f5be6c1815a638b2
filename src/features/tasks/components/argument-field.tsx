import { useId, useState, type ReactNode } from 'react'
import type { ArgumentOption, TaskArgument } from '@/api/schemas/task'
import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'
import { isKnownType, isMasked, type FieldValue } from '../argument-values'

export const controlClass =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-900 shadow-xs focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-500 disabled:bg-slate-100 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:disabled:bg-slate-800 aria-[invalid=true]:border-red-600 dark:aria-[invalid=true]:border-red-400'

/** Files above this size are refused in the browser: the whole file travels inside the JSON body. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024

export interface RemoteState {
  status: 'pending' | 'error' | 'success'
  options?: ArgumentOption[]
  error?: string
  fetching: boolean
  retry: () => void
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
 * tied to the control with aria-describedby, and an error sets aria-invalid.
 */
export function ArgumentField({
  def,
  value,
  error,
  remote,
  onChange,
  onBlur,
  controlId,
}: {
  def: TaskArgument
  value: FieldValue
  error: string | null
  remote?: RemoteState
  onChange: (value: FieldValue) => void
  onBlur: () => void
  controlId: string
}) {
  const helpId = useId()
  const errorId = useId()
  const noteId = useId()
  const [reveal, setReveal] = useState(false)
  const [fileProblem, setFileProblem] = useState<string | null>(null)
  const unknownType = !isKnownType(def.type)
  const describedBy = [def.help ? helpId : null, unknownType || def.type === 'remote-options' ? noteId : null, error || fileProblem ? errorId : null]
    .filter(Boolean)
    .join(' ') || undefined
  const common = {
    id: controlId,
    'aria-describedby': describedBy,
    'aria-invalid': error ? (true as const) : undefined,
    'aria-required': def.required || undefined,
    onBlur,
  }
  const label = (
    <label htmlFor={controlId} className="block text-sm font-medium text-slate-900 dark:text-slate-100">
      {def.label}
      {def.required && (
        <span className="ml-1 text-xs font-normal text-slate-600 dark:text-slate-400">(required)</span>
      )}
    </label>
  )

  let control: ReactNode
  if (value.kind === 'bool') {
    return (
      <div className="space-y-1">
        <div className="flex items-center gap-2">
          <input
            type="checkbox"
            {...common}
            checked={value.checked}
            onChange={(e) => onChange({ kind: 'bool', checked: e.target.checked })}
            className="size-4 rounded border-slate-400 accent-indigo-600"
          />
          {label}
        </div>
        <Help id={helpId} help={def.help} />
        <FieldError id={errorId} error={error} />
      </div>
    )
  } else if (value.kind === 'choice') {
    const options = def.type === 'remote-options' ? (remote?.options ?? []) : def.options
    const known = new Set(options.map((o) => o.id))
    // Values that are not (or not yet) options stay visible, so nothing the user chose disappears.
    const extra = value.ids.filter((id) => !known.has(id))
    const loading = def.type === 'remote-options' && remote?.status === 'pending'
    control = (
      <select
        {...common}
        multiple={def.multiple}
        size={def.multiple ? Math.min(8, Math.max(3, options.length + extra.length)) : undefined}
        value={def.multiple ? value.ids : (value.ids[0] ?? '')}
        disabled={loading}
        onChange={(e) => {
          const ids = def.multiple ? [...e.target.selectedOptions].map((o) => o.value) : e.target.value ? [e.target.value] : []
          onChange({ kind: 'choice', ids })
        }}
        className={controlClass}
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
      </select>
    )
  } else if (value.kind === 'file') {
    control = (
      <div className="space-y-1">
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
        {value.dataUrl && (
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
      </div>
    )
  } else if (value.kind === 'text') {
    const masked = isMasked(def)
    if (def.type === 'textarea' || def.type === 'json') {
      control = (
        <textarea
          {...common}
          value={value.text}
          rows={def.type === 'json' ? 6 : 4}
          spellCheck={def.type === 'json' ? false : undefined}
          onChange={(e) => onChange({ kind: 'text', text: e.target.value })}
          className={cn(controlClass, def.type === 'json' && 'font-mono')}
        />
      )
    } else {
      const type = masked && !reveal ? 'password' : def.type === 'date' ? 'date' : def.type === 'email' ? 'email' : 'text'
      control = (
        <div className="flex gap-2">
          <input
            {...common}
            type={type}
            value={value.text}
            autoComplete={masked ? 'off' : undefined}
            spellCheck={def.type === 'regexp' || masked ? false : undefined}
            onChange={(e) => onChange({ kind: 'text', text: e.target.value })}
            className={cn(controlClass, def.type === 'regexp' && 'font-mono')}
          />
          {masked && (
            <Button size="md" variant="secondary" aria-pressed={reveal} aria-label={`Show ${def.label}`} onClick={() => setReveal((r) => !r)}>
              {reveal ? 'Hide' : 'Show'}
            </Button>
          )}
        </div>
      )
    }
  }

  return (
    <div className="space-y-1">
      {label}
      <Help id={helpId} help={def.help} />
      {control}
      {unknownType && (
        <p id={noteId} className="text-xs text-slate-600 dark:text-slate-400">
          This dashboard does not know the argument type “{def.type}”: the value is sent as text.
        </p>
      )}
      {def.type === 'remote-options' && remote && <RemoteStatus id={noteId} def={def} remote={remote} />}
      <FieldError id={errorId} error={error ?? fileProblem} />
    </div>
  )
}

function Help({ id, help }: { id: string; help?: string }) {
  if (!help) return null
  return (
    <p id={id} className="text-xs text-slate-600 dark:text-slate-400">
      {help}
    </p>
  )
}

function FieldError({ id, error }: { id: string; error: string | null }) {
  if (!error) return null
  return (
    <p id={id} className="text-sm font-medium text-red-700 dark:text-red-400">
      <span aria-hidden="true">⚠ </span>
      {error}
    </p>
  )
}

function RemoteStatus({ id, def, remote }: { id: string; def: TaskArgument; remote: RemoteState }) {
  if (remote.status === 'pending') {
    return (
      <p id={id} role="status" className="text-xs text-slate-600 dark:text-slate-400">
        Loading options from {originOf(def.endpoint_url)}…
      </p>
    )
  }
  if (remote.status === 'error') {
    return (
      <div id={id} role="alert" className="flex flex-wrap items-center gap-2 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
        <span>
          <span aria-hidden="true">⚠ </span>The options for {def.label} could not be loaded: {remote.error}
        </span>
        <Button size="sm" pending={remote.fetching} onClick={remote.retry}>
          Retry
        </Button>
      </div>
    )
  }
  return (
    <p id={id} className="text-xs text-slate-600 dark:text-slate-400">
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
