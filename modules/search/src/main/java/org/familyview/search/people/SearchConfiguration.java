package org.familyview.search.people;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Clock;
import org.familyview.search.events.EventsIndex;
import org.familyview.search.events.EventsSearch;
import org.familyview.search.families.FamiliesIndex;
import org.familyview.search.families.FamiliesSearch;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

  @Bean
  PeopleIndex peopleIndex(ElasticsearchClient client, SearchProperties properties) {
    return new PeopleIndex(client, properties.indexPrefix(), Clock.systemUTC());
  }

  @Bean
  FamiliesIndex familiesIndex(ElasticsearchClient client, SearchProperties properties) {
    return new FamiliesIndex(client, properties.indexPrefix(), Clock.systemUTC());
  }

  @Bean
  FamiliesSearch familiesSearch(ElasticsearchClient client, SearchProperties properties) {
    return new FamiliesSearch(client, properties.indexPrefix(), Clock.systemUTC());
  }

  @Bean
  EventsIndex eventsIndex(ElasticsearchClient client, SearchProperties properties) {
    return new EventsIndex(client, properties.indexPrefix(), Clock.systemUTC());
  }

  @Bean
  EventsSearch eventsSearch(ElasticsearchClient client, SearchProperties properties) {
    return new EventsSearch(client, properties.indexPrefix());
  }

  @Bean
  PeopleSearch peopleSearch(ElasticsearchClient client, SearchProperties properties) {
    return new PeopleSearch(client, properties.indexPrefix(), Clock.systemUTC());
  }
}
