/** Connection pools, Jdbi set-up, SQL dialect and migrations for SQLite and PostgreSQL. */
package org.kontor.database;
