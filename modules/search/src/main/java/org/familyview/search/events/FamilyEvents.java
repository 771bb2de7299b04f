package org.familyview.search.events;

/** A family and how many of its events matched a filter. */
public record FamilyEvents(String familyId, long events) {}
