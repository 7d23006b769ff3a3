-- Up Migration

-- The language a person chose (/language, or the interview's answer when it names one we speak);
-- null follows their platform's language, then DEFAULT_LOCALE.
alter table users add column locale text;

-- Each person's own onboarding agent is described in the reader's language where it is listed, so the
-- English description claims used to write is dropped from the record.
update agents set description = ''
where owner_id is not null and description = 'Your onboarding guide: knows what you told it about yourself.';

-- Down Migration

alter table users drop column locale;
