import { useId } from 'react'
import type { Task } from '@/api/schemas/task'
import { MultiCombobox } from './multi-combobox'

/**
 * "Task": a searchable multi-select of the organization's tasks by name; the URL keeps their ids
 * (`task=<id>`, repeated). Picked tasks are removable chips.
 */
export function TaskPicker({ value, tasks, tasksError, onChange }: { value: string[]; tasks: Task[] | undefined; tasksError: unknown; onChange: (ids: string[]) => void }) {
  const hintId = useId()
  const options = [...(tasks ?? [])].sort((a, b) => a.name.localeCompare(b.name)).map((t) => ({ value: t.id, label: t.name }))
  return (
    <>
      <MultiCombobox
        label="Task"
        options={options}
        selected={value}
        onChange={onChange}
        placeholder={tasksError ? 'Task names unavailable' : 'Any task'}
        noMatch="No task matches"
        describedBy={tasksError ? hintId : undefined}
        className="w-56"
      />
      {!!tasksError && (
        <span id={hintId} className="sr-only">
          Task names could not be loaded; ids shown.
        </span>
      )}
    </>
  )
}
