-- The shortlist read model learned the selection mails (tenant V16 shortlist_mail): its processor starts over
-- from the first event, so the mails told before this version are projected too. Its rules are idempotent, so
-- the choices it already wrote come out the same.
DELETE FROM tokenentry WHERE processorname = 'shortlist';
