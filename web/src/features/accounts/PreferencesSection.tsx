import type { Me, UnitSystem } from '@tavola/contracts/accounts';
import { type FormEvent, useState } from 'react';
import { describeError, isApiError } from '../../api/api-error';
import { Button, Card, SelectField, TextField, toast } from '../../ui';
import { useUpdateProfile } from './accounts-api';

const unitSystems: { value: UnitSystem; label: string }[] = [
  { value: 'metric', label: 'Metric (g, ml, °C)' },
  { value: 'us', label: 'US (cups, oz, lb)' },
];

/** Display name and the unit system recipes open in. */
export function PreferencesSection({ viewer }: { viewer: Me }) {
  const [displayName, setDisplayName] = useState(viewer.displayName ?? '');
  const [unitSystem, setUnitSystem] = useState<UnitSystem>(viewer.unitSystem);
  const update = useUpdateProfile();
  const fieldError = (field: string) => (isApiError(update.error) ? update.error.fieldError(field) : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ displayName: displayName.trim() || null, unitSystem }, { onSuccess: () => toast.success('Preferences saved.') });
  };

  return (
    <Card heading="Preferences" description="How you appear to others, and the units recipes open in (you can switch on any recipe).">
      <form className="stack" onSubmit={submit} noValidate>
        <TextField label="Display name" value={displayName} onChange={(e) => setDisplayName(e.target.value)} maxLength={80} autoComplete="name" error={fieldError('displayName')} />
        <SelectField label="Units" options={unitSystems} value={unitSystem} onChange={setUnitSystem} />
        {update.error && !fieldError('displayName') && (
          <p className="field__error" role="alert">
            {describeError(update.error)}
          </p>
        )}
        <div>
          <Button type="submit" busy={update.isPending}>
            Save preferences
          </Button>
        </div>
      </form>
    </Card>
  );
}
