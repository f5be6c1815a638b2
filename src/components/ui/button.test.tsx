import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { Button } from './button'

const classesOf = (el: HTMLElement) => el.className.split(/\s+/)

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
