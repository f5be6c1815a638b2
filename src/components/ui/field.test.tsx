import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { Field, InlineField, Input, Select } from './field'

describe('Field', () => {
  it('labels its control and describes it with the hint and the error, marking it invalid', () => {
    render(
      <Field label="Database" hint="The name of the database" error="Required" required>
        {(props) => <Input {...props} />}
      </Field>,
    )
    const input = screen.getByRole('textbox', { name: /Database/ })
    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(input).toHaveAccessibleDescription(/The name of the database.*Required/)
    expect(input).toBeRequired()
  })
  it('is not invalid and has no description without hint or error', () => {
    render(<Field label="Name">{(props) => <Input {...props} />}</Field>)
    const input = screen.getByRole('textbox', { name: 'Name' })
    expect(input).not.toHaveAttribute('aria-invalid')
    expect(input).not.toHaveAttribute('aria-describedby')
  })
})

describe('InlineField', () => {
  it('names its control by the label beside it', () => {
    render(
      <InlineField label="Type">
        {(id) => (
          <Select id={id}>
            <option value="">Any type</option>
          </Select>
        )}
      </InlineField>,
    )
    expect(screen.getByRole('combobox', { name: 'Type' })).toHaveValue('')
  })
})
