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
})
