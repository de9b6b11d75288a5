create table request_nonce (
    client_key text        not null,
    nonce      text        not null,
    seen_at    timestamptz not null,
    primary key (client_key, nonce)
);
create index request_nonce_seen on request_nonce (seen_at);
