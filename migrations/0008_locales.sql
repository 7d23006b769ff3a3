-- Up Migration

-- The language a person chose (/language, or the interview's answer when it names one we speak);
-- null follows their platform's language, then DEFAULT_LOCALE.
alter table users add column locale text;

-- Down Migration

alter table users drop column locale;
