/**
 * Settings → Integrator: everything that belongs to the integrator rather than to Storewatch —
 * its Service Market app and OMS, the app key and registered callback that "Reauthorize" needs,
 * the free-subscription link on each country's Service Market that checklists and client messages
 * hand to sellers, and where the app is published.
 */
import { Alert, Checkbox, Fieldset, Group, List, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { IconInfoCircle } from '@tabler/icons-react'
import { COVERED_COUNTRIES } from '../../../../electron/shared/countries'
import { LAZADA_COUNTRY_DOMAINS } from '../../../../electron/shared/integrator'
import { countryName } from '../../lib/format'
import { INTEGRATOR_FIELD_IDS } from './LazadaConnectionSection'
import { linkField } from './settings-form'
import type { IntegratorValues, SettingsErrors } from './settings-form'

interface IntegratorSectionProps {
  values: IntegratorValues
  errors: SettingsErrors
  set<K extends keyof IntegratorValues>(key: K, value: IntegratorValues[K]): void
}

/** What the values still lack, in the words of the features that need it. */
export function integratorGaps(values: IntegratorValues): string[] {
  const gaps: string[] = []
  const authorize = [!values.appKey.trim() && 'the app key', !values.callbackUrl.trim() && 'the registered callback URL'].filter(Boolean)
  if (authorize.length) gaps.push(`“Reauthorize” and authorization links need ${authorize.join(' and ')}.`)
  const noLink = COVERED_COUNTRIES.filter((c) => values.publishedCountries.includes(c) && !values[linkField(c)].trim())
  if (noLink.length) gaps.push(`Checklists and client messages have no Service Market link for ${noLink.map(countryName).join(', ')}.`)
  return gaps
}

export function IntegratorSection({ values, errors, set }: IntegratorSectionProps) {
  const gaps = integratorGaps(values)
  return (
    <Stack gap="md">
      {gaps.length > 0 && (
        <Alert color="orange" variant="light" icon={<IconInfoCircle size={18} />} p="sm" role="note" data-testid="integrator-gaps">
          <List size="sm" spacing={2}>
            {gaps.map((g) => (
              <List.Item key={g}>{g}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label="App name"
          description="The app on Lazada Service Market, as sellers search for it under “My Service”"
          value={values.appName}
          onChange={(e) => set('appName', e.currentTarget.value)}
          error={errors.appName}
          required
        />
        <TextInput
          label="OMS name"
          description="Where the store is reconnected after the seller authorizes"
          value={values.omsName}
          onChange={(e) => set('omsName', e.currentTarget.value)}
          error={errors.omsName}
          required
        />
        <TextInput
          id={INTEGRATOR_FIELD_IDS.appKey}
          label="App key (client_id)"
          description="The App Key from Lazada’s App Console"
          value={values.appKey}
          onChange={(e) => set('appKey', e.currentTarget.value)}
          error={errors.appKey}
          spellCheck={false}
          autoComplete="off"
        />
        <TextInput
          label="Registered callback URL"
          description="Exactly as registered for the app: Lazada sends the seller there after authorizing"
          placeholder="https://"
          value={values.callbackUrl}
          onChange={(e) => set('callbackUrl', e.currentTarget.value)}
          error={errors.callbackUrl}
          spellCheck={false}
          autoComplete="off"
        />
        <TextInput
          label="Support contact"
          description="Where sellers send questions; it ends the message for the client"
          value={values.supportContact}
          onChange={(e) => set('supportContact', e.currentTarget.value)}
          error={errors.supportContact}
          required
        />
        <TextInput
          id={INTEGRATOR_FIELD_IDS.articleCode}
          label="Service Market article code"
          description="For asking Lazada about subscriptions (Lazada connection below)"
          placeholder="FW_GOODS-1000000281"
          value={values.articleCode}
          onChange={(e) => set('articleCode', e.currentTarget.value)}
          error={errors.articleCode}
          spellCheck={false}
          autoComplete="off"
        />
      </SimpleGrid>

      <Fieldset
        variant="unstyled"
        p={0}
        m={0}
        legend={
          <Text size="sm" fw={500}>
            Free subscription links on Service Market
          </Text>
        }
      >
        <Text size="xs" c="dimmed" mb="xs">
          The link of the free “Authorization Only” service in each country, as the integrator’s guide lists them. Sellers get the one for
          their store’s country.
        </Text>
        <Stack gap={6}>
          {COVERED_COUNTRIES.map((c) => (
            <Group key={c} gap="sm" wrap="nowrap" align="flex-start">
              <Text component="label" htmlFor={`integrator-link-${c}`} size="sm" w={96} pt={7} style={{ flexShrink: 0 }}>
                {countryName(c)}
              </Text>
              <TextInput
                id={`integrator-link-${c}`}
                placeholder={`https://marketplace.${LAZADA_COUNTRY_DOMAINS[c]}/…`}
                value={values[linkField(c)]}
                onChange={(e) => set(linkField(c), e.currentTarget.value)}
                error={errors[linkField(c)]}
                spellCheck={false}
                autoComplete="off"
                style={{ flex: 1 }}
              />
            </Group>
          ))}
        </Stack>
      </Fieldset>

      <Checkbox.Group
        label="Published on Service Market in"
        description="Lazada refuses to authorize the app in the other countries: their stores read “App not published”, with no checklist, no Reauthorize and no reminders."
        value={values.publishedCountries}
        onChange={(v) => set('publishedCountries', v)}
        error={errors.publishedCountries}
      >
        <Group gap="lg" mt={6}>
          {COVERED_COUNTRIES.map((c) => (
            <Checkbox key={c} value={c} label={`${countryName(c)} (${c})`} />
          ))}
        </Group>
      </Checkbox.Group>
    </Stack>
  )
}
