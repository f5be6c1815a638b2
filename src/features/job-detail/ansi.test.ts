import { describe, expect, it } from 'vitest'
import { lineText, parseLine, PLAIN, prepareLog, stripAnsi, styleToCss } from './ansi'

describe('ANSI parsing', () => {
  it('turns SGR colour codes into styled segments', () => {
    const { segments } = parseLine('a \x1b[31mred\x1b[0m \x1b[1;32mbold green\x1b[0m')
    expect(segments.map((s) => s.text)).toEqual(['a ', 'red', ' ', 'bold green'])
    expect(styleToCss(segments[1]!.style)).toEqual({ color: '#f87171' })
    expect(styleToCss(segments[3]!.style)).toMatchObject({ color: '#4ade80', fontWeight: 700 })
    expect(styleToCss(segments[2]!.style)).toBeUndefined()
  })

  it('reads 256-colour and true-colour codes, and ignores unknown ones', () => {
    const { segments } = parseLine('\x1b[38;5;208mo\x1b[48;2;1;2;3mx\x1b[999my')
    expect(styleToCss(segments[0]!.style)).toEqual({ color: 'rgb(255, 135, 0)' })
    expect(styleToCss(segments[1]!.style)).toEqual({ color: 'rgb(255, 135, 0)', backgroundColor: 'rgb(1, 2, 3)' })
    // 999 is unknown: the style does not change, so the text joins the previous segment.
    expect(segments[1]!.text).toBe('xy')
  })

  it('carries a style over to the next lines until it is reset', () => {
    const log = prepareLog('\x1b[33mstart\nstill yellow\n\x1b[0mplain\n')
    expect(log.lines).toHaveLength(3)
    expect(log.startStates[1]).toEqual({ fg: '#facc15' })
    expect(log.startStates[2]).toBe(log.startStates[1])
    const third = parseLine(log.lines[2]!, log.startStates[2])
    expect(third.segments[0]!.style).toEqual({})
    // An unchanged state is one shared object: no copy per line.
    expect(prepareLog('a\nb\nc').startStates.every((s) => s === PLAIN)).toBe(true)
  })

  it('drops cursor/OSC sequences and control characters, and lets a carriage return overwrite the line', () => {
    expect(lineText('progress 10%\rprogress 100%')).toBe('progress 100%')
    expect(lineText('\x1b[2Kcleared\x1b]0;title\x07 x\x00y\x07')).toBe('cleared xy')
    expect(lineText('abc\u202Eevil')).toBe('abcevil')
    expect(stripAnsi('\x1b[31mred\x1b[0m\r\nnext\n')).toBe('red\nnext')
  })

  it('applies a backspace as a terminal does: back one character, and the next text writes over it', () => {
    expect(lineText('back\b\b\bspace')).toBe('bspace')
    expect(lineText('progress 50%\b\b\b60%')).toBe('progress 60%')
    // A spinner ends on its last frame.
    expect(lineText('working |\b/\b-\b\\')).toBe('working \\')
    // Backspaces alone only move the cursor; fewer characters after them leave the rest in place.
    expect(lineText('abc\b')).toBe('abc')
    expect(lineText('abcdef\b\b\b\bX')).toBe('abXdef')
    // Never before the start of the line.
    expect(lineText('\b\bok')).toBe('ok')
    expect(lineText('a\b\b\bbc')).toBe('bc')
    // A line of a hostile log with 100,000 of them: the backspaces are dropped, not applied one by one.
    expect(lineText('x'.repeat(100_000) + '\bX'.repeat(100_000))).toHaveLength(200_000)
    // Styles stay with their characters.
    const { segments } = parseLine('\x1b[31mred\x1b[0m\b\bX')
    const red = parseLine('\x1b[31mr').segments[0]!.style.fg
    expect(red).toBeTruthy()
    expect(segments.map((s) => [s.text, s.style.fg ?? null])).toEqual([
      ['r', red],
      ['X', null],
      ['d', red],
    ])
  })
})
