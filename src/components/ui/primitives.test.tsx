import { render, screen } from '@testing-library/react'
import { Button } from './button'
import { Callout } from './callout'
import { withOverrides } from './cn'
import { Field, Input } from './field'

const classesOf = (el: HTMLElement) => el.className.split(/\s+/)

describe('withOverrides: a caller’s layout class wins over the primitive’s', () => {
  it('drops the base display class when the caller sets one (Tailwind orders .hidden before .inline-flex)', () => {
    expect(withOverrides('inline-flex items-center', 'hidden sm:inline-flex').split(' ')).toEqual(['items-center', 'hidden', 'sm:inline-flex'])
  })
  it('drops the base justify, gap, width and padding when the caller sets them, and keeps the rest', () => {
    const out = withOverrides('flex justify-center gap-1.5 w-full px-3 text-sm', 'justify-between gap-4 w-40 px-1').split(' ')
    expect(out).not.toContain('justify-center')
    expect(out).not.toContain('gap-1.5')
    expect(out).not.toContain('w-full')
    expect(out).not.toContain('px-3')
    expect(out).toEqual(expect.arrayContaining(['flex', 'text-sm', 'justify-between', 'gap-4', 'w-40', 'px-1']))
  })
  it('keeps everything when the caller only adds a breakpoint variant or unrelated classes', () => {
    expect(withOverrides('inline-flex', 'sm:hidden mt-2')).toBe('inline-flex sm:hidden mt-2')
  })
})

describe('Button', () => {
  it('is hidden on phones when the caller says `hidden sm:inline-flex` (the base inline-flex no longer wins)', () => {
    render(<Button className="hidden sm:inline-flex">Keyboard shortcuts</Button>)
    const classes = classesOf(screen.getByRole('button', { name: 'Keyboard shortcuts' }))
    expect(classes).toContain('hidden')
    expect(classes).not.toContain('inline-flex')
  })
  it('lets `justify-between` win over the base justify-center', () => {
    render(<Button className="justify-between">Pick</Button>)
    const classes = classesOf(screen.getByRole('button', { name: 'Pick' }))
    expect(classes).toContain('justify-between')
    expect(classes).not.toContain('justify-center')
  })
})

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

describe('Callout', () => {
  it('says its tone with a symbol and text, not colour alone, and passes role through', () => {
    render(
      <Callout tone="danger" role="alert" title="Could not cancel">
        The server refused.
      </Callout>,
    )
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent('⚠Could not cancelThe server refused.')
  })
})
