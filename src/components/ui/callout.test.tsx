import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { Callout } from './callout'

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
  it('puts its action after the content, takes a ref, and lets the caller’s padding win', () => {
    let box: HTMLDivElement | null = null
    render(
      <Callout ref={(el) => void (box = el)} tone="danger" role="alert" bare className="p-2" action={<button type="button">Dismiss</button>}>
        Nothing was deleted.
      </Callout>,
    )
    const alert = screen.getByRole('alert')
    expect(box).toBe(alert)
    expect(alert).toHaveTextContent(/^Nothing was deleted\.Dismiss$/)
    expect(alert.className.split(' ')).toContain('p-2')
    expect(alert.className.split(' ')).not.toContain('px-3')
  })
})
