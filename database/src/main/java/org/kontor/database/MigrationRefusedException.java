package org.kontor.database;

/** A plugin's migration did something a plugin may not do, such as creating a table outside its prefix. */
public class MigrationRefusedException extends RuntimeException {

    public MigrationRefusedException(String message) {
        super(message);
    }
}
