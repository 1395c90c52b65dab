package org.kontor.api.settings;

/** The kinds of value a setting holds; the host validates and renders each. */
public enum SettingType {
    TEXT, SECRET, INTEGER, DECIMAL, BOOLEAN, URL, EMAIL, CHOICE
}
