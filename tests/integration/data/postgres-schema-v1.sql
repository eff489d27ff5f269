-- SPDX-License-Identifier: GPL-3.0-or-later
-- A shared capture store as EventScope 0.1.0 left it (schema 1), with an agent and two events on
-- 2026-11-29: what tst_postgresstore migrates. Never edit: it stands for stores in the field.
CREATE TABLE eventscope_schema (version integer NOT NULL);
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE agents (id bigserial PRIMARY KEY, host text NOT NULL, process bigint NOT NULL,
    label text NOT NULL, started_ms bigint NOT NULL);
CREATE TABLE subscriptions (agent_id bigint NOT NULL REFERENCES agents ON DELETE CASCADE,
    id text NOT NULL, name text NOT NULL, url text NOT NULL, panel text NOT NULL,
    updated_ms bigint NOT NULL, PRIMARY KEY (agent_id, id));
CREATE TABLE events (id bigserial NOT NULL, agent_id bigint NOT NULL, received_ms bigint NOT NULL,
    subscription_id text NOT NULL, source text NOT NULL, type text NOT NULL, event_id text NOT NULL,
    data text NOT NULL, seq bigint NOT NULL) PARTITION BY RANGE (received_ms);
CREATE INDEX events_by_time ON events (received_ms, id);
CREATE INDEX events_by_subscription ON events (subscription_id, received_ms);
CREATE INDEX events_by_source ON events (source, received_ms);
CREATE INDEX events_search ON events USING gin ((source || chr(31) || type || chr(31) || event_id || chr(31) || data) gin_trgm_ops);
INSERT INTO eventscope_schema (version) VALUES (1);
CREATE TABLE events_20261129 PARTITION OF events FOR VALUES FROM (1795910400000) TO (1795996800000);
INSERT INTO agents (host, process, label, started_ms) VALUES ('old-host', 4242, 'agent 0.1.0', 1795957260000);
INSERT INTO subscriptions VALUES (1, 'sub-Feed', 'Feed', 'http://127.0.0.1/feed', 'raw', 1795957260000);
INSERT INTO events (agent_id, received_ms, subscription_id, source, type, event_id, data, seq) VALUES
    (1, 1795957263345, 'sub-Feed', 'Feed', 'message', '1', 'written by schema 1', 1),
    (1, 1795957264345, 'sub-Feed', 'Feed', 'alert', '2', 'also by schema 1', 2);
