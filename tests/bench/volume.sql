-- volume.sql: bulk records shaped like "involve demo" (scale 1 is about 20
-- projects, 300 people, 400 meetings, 4,000 attendances, 3,000
-- contributions), for benchmarking the rules before the demo generator is
-- available. Run with the sqlite3 shell on a database "involve" has created,
-- after: CREATE TEMP TABLE k AS SELECT <scale> AS scale, '<today>' AS today;
-- Ids are random 63-bit integers as the program makes them; most records show
-- good practice, a few in each hundred do not, so every rule has work to do.
PRAGMA foreign_keys = OFF;
BEGIN;
CREATE TEMP TABLE n (i INTEGER PRIMARY KEY);
WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c
  WHERE i + 1 < (SELECT 10000 * scale FROM k))
INSERT INTO n SELECT i FROM c;
CREATE TEMP TABLE ids (kind TEXT, i INTEGER, id INTEGER, PRIMARY KEY (kind, i));

INSERT INTO ids SELECT 'project', i, abs(random()) + 1 FROM n WHERE i < 20 * (SELECT scale FROM k);
INSERT INTO ids SELECT 'person', i, abs(random()) + 1 FROM n WHERE i < 300 * (SELECT scale FROM k);
INSERT INTO ids SELECT 'meeting', i, abs(random()) + 1 FROM n WHERE i < 400 * (SELECT scale FROM k);

INSERT INTO project (id, created_at, updated_at, title, kind, started_on, closed_on)
SELECT id, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'Project ' || i,
  CASE i % 4 WHEN 0 THEN 'new_service' WHEN 1 THEN 'redesign' WHEN 2 THEN 'decommissioning'
  ELSE 'review' END, '2025-06-01', CASE WHEN i % 10 = 9 THEN '2026-09-30' END
FROM ids WHERE kind = 'project';

INSERT INTO person (id, created_at, updated_at, name, roles, preferred_format, benefits_concern,
  consent_on, first_involved_on)
SELECT id, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'Person ' || i,
  CASE WHEN i % 20 = 0 THEN 16 WHEN i % 7 = 0 THEN 2 WHEN i % 11 = 0 THEN 4 ELSE 1 END,
  CASE WHEN i % 10 = 3 THEN 'easy_read' WHEN i % 25 = 4 THEN 'large_print' ELSE 'standard' END,
  i % 10 = 5, CASE WHEN i % 50 <> 7 THEN '2025-06-01' END,
  date('2025-06-01', '+' || (i % 500) || ' days')
FROM ids WHERE kind = 'person';

INSERT INTO stage (id, created_at, updated_at, project_id, stage, status, purpose, users_role,
  open_to_change, who_decides, agreed_on)
SELECT abs(random()) + 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', p.id,
  s.key, CASE WHEN s.n < 3 THEN 'done' ELSE 'active' END, 'Purpose',
  CASE WHEN (p.i + s.n) % 13 <> 0 THEN 'Role' END, 'Open', 'Who', '2025-07-01'
FROM ids p, (SELECT 0 AS n, 'framework' AS key UNION ALL SELECT 1, 'needs'
  UNION ALL SELECT 2, 'priorities' UNION ALL SELECT 3, 'decisions'
  UNION ALL SELECT 4, 'procurement' UNION ALL SELECT 5, 'review') s
WHERE p.kind = 'project';

INSERT INTO meeting (id, created_at, updated_at, project_id, stage, title, held_on, status,
  purpose, open_to_change, papers_sent_on, notes, feedback_due_on)
SELECT m.id, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', p.id,
  CASE m.i % 5 WHEN 0 THEN 'framework' WHEN 1 THEN 'needs' WHEN 2 THEN 'priorities'
  WHEN 3 THEN 'decisions' ELSE 'review' END,
  'Meeting ' || m.i, d.held, CASE WHEN d.held > (SELECT today FROM k) THEN 'planned' ELSE 'held' END,
  CASE WHEN m.i % 40 <> 1 THEN 'Hear what matters' END, 'Opening hours',
  CASE WHEN m.i % 30 <> 2 THEN date(d.held, '-10 days') END,
  CASE WHEN m.i % 35 = 3 THEN 'Go through the JSNA' END, date(d.held, '+28 days')
FROM ids m JOIN ids p ON p.kind = 'project' AND p.i = m.i % (20 * (SELECT scale FROM k))
JOIN (SELECT i, date((SELECT today FROM k), printf('%+d days', (i * 7919) % 440 - 400)) AS held
  FROM n) d ON d.i = m.i
WHERE m.kind = 'meeting';

CREATE TEMP TABLE att AS
SELECT m.id AS meeting_id, m.held_on, m.status, m.feedback_due_on, pe.id AS person_id, j, pe.i AS pi,
  CASE WHEN j = 9 THEN 'commissioner' WHEN pe.i % 7 = 0 THEN 'carer' ELSE 'service_user' END AS role
FROM meeting m JOIN ids mi ON mi.kind = 'meeting' AND mi.id = m.id
JOIN (SELECT i AS j FROM n WHERE i < 10) js
JOIN ids pe ON pe.kind = 'person'
  AND pe.i = (mi.i * 37 + js.j * 101 + (mi.i / 50) * 13) % (300 * (SELECT scale FROM k));
INSERT OR IGNORE INTO attendance (id, created_at, updated_at, meeting_id, person_id, role,
  attended, needs_met)
SELECT abs(random()) + 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', meeting_id,
  person_id, role, j % 17 <> 5, CASE WHEN (pi + j) % 97 = 0 THEN 0 END FROM att;

INSERT OR IGNORE INTO feedback (id, created_at, updated_at, meeting_id, person_id, given_on,
  format)
SELECT abs(random()) + 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', meeting_id,
  person_id, date(held_on, '+20 days'), CASE WHEN pi % 10 = 3 THEN 'easy_read' ELSE 'standard' END
FROM att WHERE status = 'held' AND role <> 'commissioner'
  AND feedback_due_on < (SELECT today FROM k) AND (pi + j) % 23 <> 0;

INSERT INTO contribution (id, created_at, updated_at, meeting_id, person_id, said, response,
  reason, responded_on)
SELECT abs(random()) + 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', a.meeting_id,
  a.person_id, 'Point ' || n.i,
  CASE WHEN n.i % 9 = 0 THEN 'pending' WHEN n.i % 5 = 0 THEN 'not_possible' ELSE 'adopted' END,
  CASE WHEN n.i % 5 = 0 AND n.i % 45 <> 5 THEN 'Because' END, NULL
FROM n JOIN (SELECT meeting_id, person_id, row_number() OVER () - 1 AS r FROM att WHERE j < 8) a
  ON a.r = n.i WHERE n.i < 3000 * (SELECT scale FROM k);

INSERT INTO payment (id, created_at, updated_at, person_id, meeting_id, kind, amount_pence,
  claimed_on, paid_on, declined)
SELECT abs(random()) + 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', person_id,
  meeting_id, CASE WHEN j % 3 = 0 THEN 'travel' ELSE 'fee' END, 2500, date(held_on, '+1 days'),
  CASE WHEN (pi + j) % 41 <> 0 THEN date(held_on, '+15 days') END, (pi + j) % 13 = 0
FROM att WHERE status = 'held' AND role <> 'commissioner' AND (pi + j) % 19 <> 0;

INSERT INTO decision (id, created_at, updated_at, project_id, stage, title, decided_on,
  users_present, users_view_followed)
SELECT abs(random()) + 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', id,
  'decisions', 'Decision ' || i, '2026-06-01', i % 6 <> 0,
  CASE WHEN i % 8 = 0 THEN 'no' ELSE 'yes' END
FROM ids WHERE kind = 'project';

INSERT INTO budget_event (id, created_at, updated_at, project_id, occurred_on, kind, reason,
  told_on)
SELECT abs(random()) + 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', id,
  '2026-08-01', CASE WHEN i % 3 = 0 THEN 'changed' ELSE 'withheld' END,
  CASE WHEN i % 5 <> 0 THEN 'Reason' END, CASE WHEN i % 4 <> 0 THEN '2026-08-03' END
FROM ids WHERE kind = 'project';

INSERT INTO action (id, created_at, updated_at, project_id, summary, due_on, done_on)
SELECT abs(random()) + 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', id,
  'Promise ' || i, date((SELECT today FROM k), '-' || (i % 60) || ' days'),
  CASE WHEN i % 4 <> 0 THEN '2026-01-01' END
FROM ids WHERE kind = 'project';
COMMIT;
PRAGMA optimize;
