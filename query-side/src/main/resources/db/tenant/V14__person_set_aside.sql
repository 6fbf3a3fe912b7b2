-- Leave out of the next round (issue #17): a person set aside stays in the roster but is not asked until an
-- admin brings them back; the admin's optional note shows on the round-start page.
ALTER TABLE person ADD COLUMN set_aside      BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE person ADD COLUMN set_aside_note TEXT    NOT NULL DEFAULT '';
