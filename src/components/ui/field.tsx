import { useId, type ComponentProps, type ReactNode } from 'react'
import { cn, withOverrides } from './cn'
import { CONTROL_BASE as base, controlClass, type ControlSize as Size } from './control-look'

export { controlClass } from './control-look'

export function Input({ size = 'md', className, ...rest }: Omit<ComponentProps<'input'>, 'size'> & { size?: Size }) {
  return <input className={controlClass(size, className)} {...rest} />
}

export function Select({ size = 'md', className, ...rest }: Omit<ComponentProps<'select'>, 'size'> & { size?: Size }) {
  return <select className={controlClass(size, className)} {...rest} />
}

export function Textarea({ className, ...rest }: ComponentProps<'textarea'>) {
  return <textarea className={withOverrides(`${base} w-full min-h-20 px-2.5 py-2`, className)} {...rest} />
}

export interface FieldControlProps {
  id: string
  'aria-describedby'?: string
  'aria-invalid'?: true
  'aria-required'?: true
}

/**
 * A label, its control, a hint and an error, wired together: the control gets the id the label
 * points at, `aria-describedby` naming the hint and the error, and `aria-invalid` while in error.
 */
export function Field({
  label,
  hint,
  error,
  required,
  className,
  children,
}: {
  label: ReactNode
  hint?: ReactNode
  error?: ReactNode
  required?: boolean
  className?: string
  children: (control: FieldControlProps) => ReactNode
}) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800 dark:text-slate-100">
        {label}
        {required && (
          <span className="ml-0.5 text-red-700 dark:text-red-400" aria-hidden="true">
            *
          </span>
        )}
        {required && <span className="sr-only"> (required)</span>}
      </label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined, 'aria-required': required ? true : undefined })}
      <FieldNotes hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  )
}

/** A control's hint and error lines, under it, with the ids its `aria-describedby` names (for controls laid out by hand, such as a checkbox before its label). */
export function FieldNotes({ hint, hintId, error, errorId }: { hint?: ReactNode; hintId: string; error?: ReactNode; errorId: string }) {
  return (
    <>
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-slate-600 dark:text-slate-300">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="mt-1 text-xs font-medium text-red-700 dark:text-red-300">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </>
  )
}

/** The common case of `Field`: a labelled text input (the other props go to the input). */
export function InputField({
  label,
  hint,
  error,
  required,
  className,
  ...input
}: Omit<ComponentProps<typeof Input>, 'id'> & { label: ReactNode; hint?: ReactNode; error?: ReactNode }) {
  return (
    <Field label={label} hint={hint} error={error} required={required} className={className}>
      {(control) => <Input {...input} {...control} />}
    </Field>
  )
}

/**
 * A small label beside its control, for filter bars and toolbars (a form's fields use `Field`):
 * the control gets the id the label points at.
 */
export function InlineField({ label, className, children }: { label: ReactNode; className?: string; children: (id: string) => ReactNode }) {
  const id = useId()
  return (
    <div className={cn('flex items-center gap-1', className)}>
      <label htmlFor={id} className="text-xs font-semibold text-slate-600 dark:text-slate-300">
        {label}
      </label>
      {children(id)}
    </div>
  )
}
