-- The catalog: which TLDs the operator offers and on what terms (ORD-2, ORD-7, ORD-14, ORD-15). Prices stay in
-- domain_price (V5), the one price source; a TLD's prices are the domain_price rows of its name.
--
-- registry_id: the registry (DomainRegistry.registryId()) that serves the TLD; NULL means any running registry
-- that lists the TLD. register_* / renew_*: the periods in whole years allowed for a registration and for a
-- renewal (or transfer). idn_table: the IDN table or script the registry accepts, e.g. 'da' or 'Latin'.
-- residence_countries: ISO 3166 codes, comma-separated, a holder must live in; '' means anywhere.
CREATE TABLE catalog_tld (
    tld                  TEXT PRIMARY KEY,
    enabled              INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    registry_id          TEXT,
    register_min_years   INTEGER NOT NULL,
    register_max_years   INTEGER NOT NULL,
    renew_min_years      INTEGER NOT NULL,
    renew_max_years      INTEGER NOT NULL,
    idn_allowed          INTEGER NOT NULL DEFAULT 0 CHECK (idn_allowed IN (0, 1)),
    idn_table            TEXT,
    eligibility_note     TEXT,
    residence_countries  TEXT NOT NULL DEFAULT '',
    updated_at           BIGINT NOT NULL
);

-- A contact field a holder of one type must give for a TLD, e.g. ('dk', 'COMPANY', 'vatNumber').
CREATE TABLE catalog_tld_field (
    tld          TEXT NOT NULL,
    holder_type  TEXT NOT NULL,
    field        TEXT NOT NULL,
    PRIMARY KEY (tld, holder_type, field)
);

-- Launch phases of a TLD: SUNRISE, PRE_REGISTRATION, GENERAL_AVAILABILITY from starts_at (inclusive) to ends_at
-- (exclusive; NULL: open-ended). A TLD without phases is in general availability.
CREATE TABLE catalog_tld_phase (
    tld        TEXT NOT NULL,
    phase      TEXT NOT NULL,
    starts_at  BIGINT NOT NULL,
    ends_at    BIGINT,
    PRIMARY KEY (tld, starts_at)
);

-- TLD groups the storefront offers to choose from (Top 10, Europe, ...), with a name per language.
CREATE TABLE catalog_group (
    id          TEXT PRIMARY KEY,
    position    INTEGER NOT NULL,
    updated_at  BIGINT NOT NULL
);

CREATE TABLE catalog_group_name (
    group_id  TEXT NOT NULL,
    lang      TEXT NOT NULL,
    name      TEXT NOT NULL,
    PRIMARY KEY (group_id, lang)
);

CREATE TABLE catalog_group_member (
    group_id  TEXT NOT NULL,
    tld       TEXT NOT NULL,
    position  INTEGER NOT NULL,
    PRIMARY KEY (group_id, tld)
);
CREATE INDEX catalog_group_member_tld ON catalog_group_member (tld);
