import { useResource } from '../../shared/use-resource';
import { fetchPlacardSurveys } from './survey-api';
import { SurveyForm } from './survey-form';
import './survey.css';

/** The survey campaigns open for a placard's street, each as a questionnaire; nothing if none. */
export function PlacardSurveys({ token }: { token: string }) {
  const { resource } = useResource(`placard-surveys/${token}`, (signal) =>
    fetchPlacardSurveys(token, signal),
  );
  if (resource.state !== 'ready') {
    return null;
  }
  return (
    <>
      {resource.data.items.map((campaign) => (
        <SurveyForm key={campaign.id} campaign={campaign} placardToken={token} level={2} />
      ))}
    </>
  );
}
