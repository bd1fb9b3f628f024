import { Badge, DataList, Group, SimpleGrid, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import type { Store } from '../../../../electron/shared/portfolio'
import { STORE_FIELD_BY_KEY } from '../../../../electron/shared/store-fields'
import type { StoreFieldKey } from '../../../../electron/shared/store-fields'
import { channelLabel, countryName, EMPTY_VALUE } from '../../lib/format'
import { FIELD_GROUPS } from '../../lib/field-groups'

function valueOf(store: Store, key: StoreFieldKey): ReactNode {
  switch (key) {
    case 'country':
      return `${countryName(store.country)} (${store.country})`
    case 'contactChannel':
      return channelLabel(store.contactChannel)
    case 'tags':
      return store.tags.length ? (
        <Group gap={4}>
          {store.tags.map((tag) => (
            <Badge key={tag} variant="outline" color="gray" size="sm" radius="sm" tt="none">
              {tag}
            </Badge>
          ))}
        </Group>
      ) : null
    case 'notes':
      return store.notes ? <span style={{ whiteSpace: 'pre-wrap' }}>{store.notes}</span> : null
    default:
      return store[key]
  }
}

export function StoreFields({ store }: { store: Store }) {
  return (
    <SimpleGrid type="container" cols={{ base: 1, "880px": 2 }} spacing="lg" verticalSpacing="lg">
      {FIELD_GROUPS.map((group) => (
        <section key={group.title} aria-label={group.title}>
          <Title order={3} size="h6" c="dimmed" tt="uppercase" mb={6} style={{ letterSpacing: 0.4 }}>
            {group.title}
          </Title>
          <DataList size="sm" gap={6} labelWidth={190}>
            {group.fields.map((key) => {
              const value = valueOf(store, key)
              return (
                <DataList.Item key={key}>
                  <DataList.ItemLabel c="dimmed">{STORE_FIELD_BY_KEY[key].label}</DataList.ItemLabel>
                  <DataList.ItemValue data-field={key} style={{ overflowWrap: 'anywhere' }}>
                    {value === null || value === '' ? <Text span c="dimmed">{EMPTY_VALUE}</Text> : value}
                  </DataList.ItemValue>
                </DataList.Item>
              )
            })}
          </DataList>
        </section>
      ))}
    </SimpleGrid>
  )
}
