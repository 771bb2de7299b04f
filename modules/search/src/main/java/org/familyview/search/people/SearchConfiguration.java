package org.familyview.search.people;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

  @Bean
  PeopleIndex peopleIndex(ElasticsearchClient client, SearchProperties properties) {
    return new PeopleIndex(client, properties.indexPrefix(), Clock.systemUTC());
  }

  @Bean
  PeopleSearch peopleSearch(ElasticsearchClient client, SearchProperties properties) {
    return new PeopleSearch(client, properties.indexPrefix(), Clock.systemUTC());
  }
}
