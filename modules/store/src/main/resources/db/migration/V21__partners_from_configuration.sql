-- Partners are configuration (issue 16): adding one is a file in config/partners and a restart,
-- never a migration. Version 1 allowed exactly four agencies in extract; any configured partner's
-- id may now deliver. Ids are kept upper case, as version 1 stored its enum names, so every row
-- already stored (POLICE, HEALTH, COUNCIL, EDUCATION) is a row of the default partners unchanged.
-- The other tables' agency columns never had a fixed list.
alter table extract drop constraint if exists extract_agency_check;
alter table extract add constraint extract_agency_is_a_partner_id
  check (agency ~ '^[A-Z][A-Z0-9-]{0,39}$');
