import { Component, createElement, type ChangeEvent } from 'react';
import { HERO_IMAGE_SRC } from './config.ts';
import type { Translate } from '../src/i18n/translate.ts';

/** The parts of an Immutable.js map the widgets and previews read. */
export interface ImmutableLike {
  get(key: string): unknown;
  getIn(path: (string | number)[]): unknown;
}

interface AltTextProps {
  value?: string | null;
  onChange: (value: string) => void;
  forID: string;
  classNameWrapper: string;
  setActiveStyle: () => void;
  setInactiveStyle: () => void;
  entry: ImmutableLike;
  /** Ids of the enclosing object widgets, which show the error too. */
  parentIds: string[];
}

/**
 * A text input that is required only while the article has an image: Decap's
 * own `required` cannot depend on another field, and the schema rejects an
 * image without alt text. Made per language, for its error message.
 */
export function altTextControl(t: Translate) {
  const required = t('cms.validation.altText');
  return class AltTextControl extends Component<AltTextProps> {
    isValid = () => {
      const src = this.props.entry.getIn(['data', ...HERO_IMAGE_SRC]);
      const hasImage = typeof src === 'string' && src.trim() !== '';
      if (!hasImage || (this.props.value ?? '').trim() !== '') return true;
      return { error: { type: 'CUSTOM', parentIds: this.props.parentIds, message: required } };
    };

    override render() {
      const { forID, value, classNameWrapper, onChange, setActiveStyle, setInactiveStyle } = this.props;
      return createElement('input', {
        type: 'text',
        id: forID,
        className: classNameWrapper,
        value: value ?? '',
        onChange: (event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value),
        onFocus: setActiveStyle,
        onBlur: setInactiveStyle,
      });
    }
  };
}
