-- The data subjects of an application besides its applicant (the deceased, the spouse, the seller): the key their
-- datasets are looked up by, whether they consented, or the legal basis their data is pulled on if they cannot.
-- Looked up by key for their access log.
create table application_party (
    application_id uuid    not null references application (id),
    party          text    not null,
    subject_key    text    not null,
    consented      boolean not null,
    legal_basis    text,
    primary key (application_id, party)
);
create index application_party_subject on application_party (subject_key);
