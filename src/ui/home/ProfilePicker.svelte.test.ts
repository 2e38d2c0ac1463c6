import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import ProfilePicker from './ProfilePicker.svelte';

describe('ProfilePicker', () => {
  it('creates a profile from a name and hands it to the app', async () => {
    const onChoose = vi.fn();
    render(ProfilePicker, { props: { profiles: [], current: null, onChoose } });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Your name'), 'Dana{Enter}');
    await vi.waitFor(() => expect(onChoose).toHaveBeenCalledWith(expect.objectContaining({ name: 'Dana' })));
  });

  it('refuses an empty name and a duplicate with a clear message', async () => {
    const onChoose = vi.fn();
    render(ProfilePicker, { props: { profiles: [{ id: '1', name: 'Dana', createdAt: 0, lastActiveAt: 0 }], current: null, onChoose } });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Create profile' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Type a name');
    await user.type(screen.getByLabelText('Your name'), 'dana{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('already exists');
    expect(onChoose).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Dana' }));
    expect(onChoose).toHaveBeenCalledTimes(1);
  });
});
