-- Runs once, when the local-db volume is first initialised (docker-entrypoint-initdb.d), as POSTGRES_USER in
-- POSTGRES_DB. Add numbered *.sql or *.sh files beside this one for extensions, roles or seed data.
-- To run them again: stop tovrun, `docker volume rm <COMPOSE_PROJECT_NAME>_postgres-data`, start again.
CREATE EXTENSION IF NOT EXISTS pgcrypto;
