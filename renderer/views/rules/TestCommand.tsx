// "Test a command": how the core would decide it here and now, which rule decides each part, and its risk.
import { useRef, useState } from 'react';
import { useCommands } from '../../app/context.ts';
import { useRules } from '../../stores/rules.ts';
import { shownText } from '../../../shared/visible-text.ts';
import { describeDecider } from '../common/format.ts';
import { useReveal } from '../common/reveal.ts';
import { ShownCode } from '../common/ShownText.tsx';

const DECISION_WORDS = { allow: 'Allowed', deny: 'Denied', hold: 'Held for you' } as const;

export function TestCommand() {
  const commands = useCommands();
  const test = useRules((s) => s.test);
  const [command, setCommand] = useState(test.command);
  const [cwd, setCwd] = useState(test.cwd);
  const result = test.result;
  const shown = useRef<HTMLDivElement>(null);
  // The answer appears below the form, often under the fold: it comes into view.
  useReveal(shown, result);
  return (
    <section className="panel" aria-labelledby="test-title">
      <h3 id="test-title">Test a command</h3>
      <form
        className="test-command"
        onSubmit={(e) => {
          e.preventDefault();
          if (command.trim() && cwd.trim()) void commands.testCommand(command, cwd.trim());
        }}
      >
        <label className="grow">
          Command
          <input type="text" value={command} spellCheck={false} onChange={(e) => setCommand(e.target.value)} />
        </label>
        <label>
          In directory
          <input
            type="text"
            value={cwd}
            placeholder="/home/you/project"
            spellCheck={false}
            onChange={(e) => setCwd(e.target.value)}
          />
        </label>
        <button type="submit" disabled={!command.trim() || !cwd.trim() || test.state === 'loading'}>
          Test
        </button>
      </form>
      {test.state === 'error' && (
        <p className="send-error" role="alert">
          {test.error}
        </p>
      )}
      {result && (
        <div ref={shown} className="explanation" role="status" aria-label="How Gatehouse would decide">
          <p>
            <strong
              className={`outcome-tag outcome-${result.decision === 'allow' ? 'allowed' : result.decision === 'deny' ? 'denied' : 'pending'}`}
            >
              {DECISION_WORDS[result.decision]}
            </strong>
            {result.by !== 'human' && ` by ${describeDecider(result.by).toLowerCase()}`} ·{' '}
            <span className={`level level-${result.risk.level}`}>{result.risk.level}</span>{' '}
            <span className="score">score {result.risk.score}/100</span>
          </p>
          <p>{shownText(result.reason)}</p>
          {result.risk.reasons.length > 0 && (
            <ul className="reasons" aria-label="Risk">
              {result.risk.reasons.map((r, i) => (
                <li key={i}>{shownText(r)}</li>
              ))}
            </ul>
          )}
          <table className="table">
            <caption className="visually-hidden">Each part of the command</caption>
            <thead>
              <tr>
                <th scope="col">Part</th>
                <th scope="col">Risk</th>
                <th scope="col">Verdict</th>
              </tr>
            </thead>
            <tbody>
              {result.segments.map((s, i) => (
                <tr key={i}>
                  <td>
                    <ShownCode text={s.text} />
                  </td>
                  <td>
                    <span className={`level level-${s.level}`}>{s.level}</span>
                  </td>
                  <td>{shownText(s.verdict)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
