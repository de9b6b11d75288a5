-- A failed delivery waits for its next attempt instead of holding up its Kafka partition.
alter table application_item add column next_delivery_at timestamptz;
create index application_item_retry on application_item (next_delivery_at) where next_delivery_at is not null;
