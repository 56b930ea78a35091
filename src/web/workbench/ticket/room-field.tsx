import { Form, Select } from 'antd';
import { useEffect, useState } from 'react';

import { useI18n } from '../../i18n/i18n-context';
import { errorText } from '../../shared/error-text';
import { fetchRooms, type RoomOption } from '../staff-api';

/**
 * The workroom to route a returned ticket to, searchable by room, community or street. The room
 * the ticket was sent back from is marked, as the ticket names its room but not its id.
 */
export function RoomField({ ticketId, currentRoom }: { ticketId: string; currentRoom: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [rooms, setRooms] = useState<RoomOption[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    fetchRooms(ticketId).then(setRooms, setError);
  }, [ticketId]);

  const options = (rooms ?? []).map((room) => ({
    value: room.id,
    search: `${room.name} ${room.community} ${room.street}`,
    label: (
      <span data-testid={`room-option-${room.id}`}>
        {room.name}
        {room.name === currentRoom ? (
          <span className="wb-strong"> {t('action.field.room_current')}</span>
        ) : null}
        <span className="wb-muted">
          {' '}
          {t('action.field.room_place', { community: room.community, street: room.street })}
        </span>
      </span>
    ),
  }));

  return (
    <Form.Item
      name="roomId"
      label={t('action.field.room')}
      rules={[{ required: true, message: t('action.field.required') }]}
      validateStatus={error ? 'error' : undefined}
      help={error ? errorText(i18n, error) : undefined}
    >
      <Select
        showSearch={{ optionFilterProp: 'search' }}
        loading={rooms === null && !error}
        options={options}
        placeholder={t('action.field.room_placeholder')}
        notFoundContent={rooms === null ? undefined : t('action.field.room_none')}
        data-testid="action-room"
      />
    </Form.Item>
  );
}
