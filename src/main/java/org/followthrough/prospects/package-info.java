/**
 * Accounts and the prospects at them: phone numbers in E.164, each prospect's time zone and where it
 * came from, who owns whom, CSV import and export, and erasure with a suppression list. Other modules
 * read prospects through {@link org.followthrough.prospects.Prospects} and react to
 * {@link org.followthrough.prospects.ProspectCreated}, {@link org.followthrough.prospects.ProspectChanged}
 * (many at once: {@link org.followthrough.prospects.ProspectsChanged}) and {@link org.followthrough.prospects.ProspectErased}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Prospects")
package org.followthrough.prospects;
